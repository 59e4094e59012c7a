package dev.tracking;

import dev.tracking.internal.Checks;
import java.time.Duration;

/**
 * How a destination retries a request that failed for a passing reason (network, timeout, 408, 429, 5xx):
 * exponential backoff with full jitter from {@code initialBackoff} up to {@code maxBackoff}, honouring the
 * server's {@code Retry-After}, until {@code maxAttempts} attempts or {@code maxDuration} since the first attempt.
 */
public record RetryOptions(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxDuration) {

    public RetryOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry.maxAttempts must be at least 1, was " + maxAttempts);
        }
        Durations.requirePositive("retry.initialBackoff", initialBackoff);
        Durations.requirePositive("retry.maxBackoff", maxBackoff);
        Durations.requirePositive("retry.maxDuration", maxDuration);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry.maxBackoff must not be shorter than retry.initialBackoff");
        }
    }

    /** 6 attempts, 500 ms doubling up to 30 s, at most 2 minutes in all. */
    public static RetryOptions defaults() {
        return new RetryOptions(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    public RetryOptions withMaxAttempts(int value) {
        return new RetryOptions(value, initialBackoff, maxBackoff, maxDuration);
    }

    public RetryOptions withInitialBackoff(Duration value) {
        return new RetryOptions(maxAttempts, value, maxBackoff, maxDuration);
    }

    public RetryOptions withMaxBackoff(Duration value) {
        return new RetryOptions(maxAttempts, initialBackoff, value, maxDuration);
    }

    public RetryOptions withMaxDuration(Duration value) {
        return new RetryOptions(maxAttempts, initialBackoff, maxBackoff, value);
    }

    /** Duration checks shared by the option records. */
    static final class Durations {
        private Durations() {
        }

        static Duration requirePositive(String field, Duration value) {
            Checks.requireNonNull(field, value);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + value);
            }
            return value;
        }
    }
}
