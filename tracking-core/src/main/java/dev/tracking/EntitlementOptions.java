package dev.tracking;

import dev.tracking.RetryOptions.Durations;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.internal.Checks;
import java.time.Duration;

/**
 * How access decisions are cached.
 *
 * @param cacheTtl how long a decision is fresh; after it, the next check refreshes it in the background
 *     while the old answer is served
 * @param staleIfError how long past its freshness a decision may still be served when the backend fails
 * @param onNoAnswer what to decide when there is neither an answer nor a usable cached one
 * @param maximumSize the most decisions cached
 */
public record EntitlementOptions(Duration cacheTtl, Duration staleIfError, OnNoAnswer onNoAnswer, long maximumSize) {

    public EntitlementOptions {
        Durations.requirePositive("cacheTtl", cacheTtl);
        Checks.requireNonNull("staleIfError", staleIfError);
        if (staleIfError.isNegative()) {
            throw new IllegalArgumentException("staleIfError must not be negative, was " + staleIfError);
        }
        Checks.requireNonNull("onNoAnswer", onNoAnswer);
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
    }

    /** Fresh for 30 s, stale-if-error for 10 minutes, deny on no answer, 10,000 decisions. */
    public static EntitlementOptions defaults() {
        return new EntitlementOptions(Duration.ofSeconds(30), Duration.ofMinutes(10), OnNoAnswer.DENY, 10_000);
    }

    public EntitlementOptions withCacheTtl(Duration value) {
        return new EntitlementOptions(value, staleIfError, onNoAnswer, maximumSize);
    }

    public EntitlementOptions withStaleIfError(Duration value) {
        return new EntitlementOptions(cacheTtl, value, onNoAnswer, maximumSize);
    }

    public EntitlementOptions withOnNoAnswer(OnNoAnswer value) {
        return new EntitlementOptions(cacheTtl, staleIfError, value, maximumSize);
    }

    public EntitlementOptions withMaximumSize(long value) {
        return new EntitlementOptions(cacheTtl, staleIfError, onNoAnswer, value);
    }
}
