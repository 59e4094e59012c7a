package dev.tracking;

import dev.tracking.access.OnNoAnswer;
import java.time.Duration;
import java.util.Objects;

/**
 * How access decisions are cached.
 *
 * <p>Immutable. Build with {@link #builder()} (which starts from {@link #defaults()}) or change a copy with
 * {@link #toBuilder()}; settings are checked at {@link Builder#build()}.
 */
public final class EntitlementOptions {

    private static final EntitlementOptions DEFAULTS = new Builder().build();

    private final Duration cacheTtl;
    private final Duration staleIfError;
    private final OnNoAnswer onNoAnswer;
    private final long maximumSize;

    private EntitlementOptions(Builder b) {
        this.cacheTtl = ArgumentChecks.requirePositive("cacheTtl", b.cacheTtl);
        this.staleIfError = ArgumentChecks.requireNotNegative("staleIfError", b.staleIfError);
        this.onNoAnswer = ArgumentChecks.requireNonNull("onNoAnswer", b.onNoAnswer);
        this.maximumSize = ArgumentChecks.requireAtLeast("maximumSize", 1, b.maximumSize);
    }

    /** Fresh for 30 s, stale-if-error for 10 minutes, deny on no answer, 10,000 decisions. */
    public static EntitlementOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().cacheTtl(cacheTtl).staleIfError(staleIfError).onNoAnswer(onNoAnswer)
                .maximumSize(maximumSize);
    }

    /**
     * How long a decision is fresh; after it, the next check refreshes it in the background while the old answer is
     * served.
     */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** How long past its freshness a decision may still be served when the backend fails. */
    public Duration staleIfError() {
        return staleIfError;
    }

    /** What to decide when there is neither an answer nor a usable cached one. */
    public OnNoAnswer onNoAnswer() {
        return onNoAnswer;
    }

    /** The most decisions cached. */
    public long maximumSize() {
        return maximumSize;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntitlementOptions that && cacheTtl.equals(that.cacheTtl)
                && staleIfError.equals(that.staleIfError) && onNoAnswer == that.onNoAnswer
                && maximumSize == that.maximumSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cacheTtl, staleIfError, onNoAnswer, maximumSize);
    }

    @Override
    public String toString() {
        return "EntitlementOptions[cacheTtl=" + cacheTtl + ", staleIfError=" + staleIfError + ", onNoAnswer="
                + onNoAnswer + ", maximumSize=" + maximumSize + "]";
    }

    /** Builds {@link EntitlementOptions}; it starts from the defaults, and {@link #build()} checks every setting. */
    public static final class Builder {

        private Duration cacheTtl = Duration.ofSeconds(30);
        private Duration staleIfError = Duration.ofMinutes(10);
        private OnNoAnswer onNoAnswer = OnNoAnswer.DENY;
        private long maximumSize = 10_000;

        private Builder() {
        }

        /** How long a decision is fresh (default 30 s); positive. */
        public Builder cacheTtl(Duration value) {
            this.cacheTtl = value;
            return this;
        }

        /** How long past its freshness a decision may be served when the backend fails (default 10 minutes). */
        public Builder staleIfError(Duration value) {
            this.staleIfError = value;
            return this;
        }

        /** What to decide with no answer and nothing usable cached (default {@link OnNoAnswer#DENY}). */
        public Builder onNoAnswer(OnNoAnswer value) {
            this.onNoAnswer = value;
            return this;
        }

        /** The most decisions cached (default 10,000); at least 1. */
        public Builder maximumSize(long value) {
            this.maximumSize = value;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the first setting that is out of range
         */
        public EntitlementOptions build() {
            return new EntitlementOptions(this);
        }
    }
}
