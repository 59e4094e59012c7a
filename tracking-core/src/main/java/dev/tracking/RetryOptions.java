package dev.tracking;

import dev.tracking.internal.Checks;
import java.time.Duration;

/**
 * How a destination retries a request that failed for a passing reason (network, timeout, 408, 429, 5xx, an
 * answer that is not what the server sends): again and again, with exponential backoff and full jitter from
 * {@code initialBackoff} up to {@code maxBackoff} and never sooner than the server's {@code Retry-After}, until
 * {@code deliveryTimeout} has passed since the first attempt; then its messages fail with reason
 * {@code retries_exhausted}.
 *
 * @param maxAttempts the most attempts per request, the first included; {@code 0} (the default) for no cap, so that
 *        only {@code deliveryTimeout} ends the retries
 * @param initialBackoff the longest wait before the first retry; it doubles with each retry
 * @param maxBackoff the longest wait between two attempts (a server's {@code Retry-After} may ask for more)
 * @param deliveryTimeout how long a request is retried, counted from its first attempt
 */
public record RetryOptions(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration deliveryTimeout) {

    /** The default delivery timeout: 2 minutes. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    public RetryOptions {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("retry.maxAttempts must be 0 (no cap) or more, was " + maxAttempts);
        }
        Durations.requirePositive("retry.initialBackoff", initialBackoff);
        Durations.requirePositive("retry.maxBackoff", maxBackoff);
        Durations.requirePositive("retry.deliveryTimeout", deliveryTimeout);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry.maxBackoff must not be shorter than retry.initialBackoff");
        }
    }

    /** No attempt cap, 500 ms doubling up to 30 s, for up to 2 minutes. */
    public static RetryOptions defaults() {
        return new RetryOptions(0, Duration.ofMillis(500), Duration.ofSeconds(30), DEFAULT_DELIVERY_TIMEOUT);
    }

    /** Whether attempt number {@code attempt} (1-based) was the last one the cap allows. */
    public boolean attemptsExhausted(int attempt) {
        return maxAttempts > 0 && attempt >= maxAttempts;
    }

    public RetryOptions withMaxAttempts(int value) {
        return new RetryOptions(value, initialBackoff, maxBackoff, deliveryTimeout);
    }

    public RetryOptions withInitialBackoff(Duration value) {
        return new RetryOptions(maxAttempts, value, maxBackoff, deliveryTimeout);
    }

    public RetryOptions withMaxBackoff(Duration value) {
        return new RetryOptions(maxAttempts, initialBackoff, value, deliveryTimeout);
    }

    public RetryOptions withDeliveryTimeout(Duration value) {
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
