package dev.tracking.internal.delivery;

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

    /**
     * When to try again after failed attempt number {@code attempt} (1-based), in {@link System#nanoTime()} terms,
     * or {@link Long#MIN_VALUE} when the delivery timeout {@code deadline} is reached or the server asks to wait
     * beyond it. A backoff that would pass the timeout is shortened to one last attempt at the timeout.
     */
    long nextAttemptAt(int attempt, Duration retryAfter, long deadline) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            return Long.MIN_VALUE;
        }
        if (retryAfter != null && !retryAfter.isNegative() && now + retryAfter.toNanos() - deadline > 0) {
            return Long.MIN_VALUE;
        }
        long at = now + delayNanos(attempt, retryAfter);
        return at - deadline > 0 ? deadline : at;
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
