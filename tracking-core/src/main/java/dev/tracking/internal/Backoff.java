package dev.tracking.internal;

import dev.tracking.RetryOptions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} is uniform in
 * {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}, and never shorter than a server's {@code Retry-After}.
 */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;

    Backoff(RetryOptions options) {
        this.initialNanos = options.initialBackoff().toNanos();
        this.maxNanos = options.maxBackoff().toNanos();
    }

    /** The wait before retrying after failed attempt number {@code attempt} (1-based). */
    long delayNanos(int attempt, Duration retryAfter) {
        long cap = initialNanos;
        for (int i = 1; i < attempt && cap < maxNanos; i++) {
            cap = cap > maxNanos / 2 ? maxNanos : cap * 2;
        }
        cap = Math.min(cap, maxNanos);
        long jittered = ThreadLocalRandom.current().nextLong(cap + 1);
        if (retryAfter == null || retryAfter.isNegative()) {
            return jittered;
        }
        return Math.max(jittered, retryAfter.toNanos());
    }
}
