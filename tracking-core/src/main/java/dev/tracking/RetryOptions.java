package dev.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * How a destination retries a request that failed for a passing reason (network, timeout, 408, 429, 5xx, an
 * answer that is not what the server sends): again and again, with exponential backoff and full jitter from
 * {@link #initialBackoff()} up to {@link #maxBackoff()} and never sooner than the server's {@code Retry-After},
 * until {@link #deliveryTimeout()} has passed since the first attempt; then its messages fail with reason
 * {@code retries_exhausted}.
 *
 * <p>Immutable. Build with {@link #builder()} (which starts from {@link #defaults()}) or change a copy with
 * {@link #toBuilder()}; settings are checked at {@link Builder#build()}.
 */
public final class RetryOptions {

    /** The default delivery timeout: 2 minutes. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private static final RetryOptions DEFAULTS = new Builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration deliveryTimeout;

    private RetryOptions(Builder b) {
        if (b.maxAttempts < 0) {
            throw new IllegalArgumentException("retry.maxAttempts must be 0 (no cap) or more, was " + b.maxAttempts);
        }
        ArgumentChecks.requirePositive("retry.initialBackoff", b.initialBackoff);
        ArgumentChecks.requirePositive("retry.maxBackoff", b.maxBackoff);
        ArgumentChecks.requirePositive("retry.deliveryTimeout", b.deliveryTimeout);
        if (b.maxBackoff.compareTo(b.initialBackoff) < 0) {
            throw new IllegalArgumentException("retry.maxBackoff must not be shorter than retry.initialBackoff");
        }
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.deliveryTimeout = b.deliveryTimeout;
    }

    /** No attempt cap, 500 ms doubling up to 30 s, for up to 2 minutes. */
    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .deliveryTimeout(deliveryTimeout);
    }

    /**
     * The most attempts per request, the first included; {@code 0} (the default) for no cap, so that only
     * {@link #deliveryTimeout()} ends the retries.
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The longest wait before the first retry; it doubles with each retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait between two attempts (a server's {@code Retry-After} may ask for more). */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** How long a request is retried, counted from its first attempt. */
    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    /** Whether attempt number {@code attempt} (1-based) was the last one the cap allows. */
    public boolean attemptsExhausted(int attempt) {
        return maxAttempts > 0 && attempt >= maxAttempts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryOptions that && maxAttempts == that.maxAttempts
                && initialBackoff.equals(that.initialBackoff) && maxBackoff.equals(that.maxBackoff)
                && deliveryTimeout.equals(that.deliveryTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, deliveryTimeout);
    }

    @Override
    public String toString() {
        return "RetryOptions[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", deliveryTimeout=" + deliveryTimeout + "]";
    }

    /** Builds {@link RetryOptions}; it starts from the defaults, and {@link #build()} checks every setting. */
    public static final class Builder {

        private int maxAttempts = 0;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;

        private Builder() {
        }

        /** The most attempts per request, the first included (default {@code 0}: no cap). */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /** The longest wait before the first retry (default 500 ms). */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = value;
            return this;
        }

        /** The longest wait between two attempts (default 30 s); not shorter than the initial backoff. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        /** How long a request is retried from its first attempt (default 2 minutes). */
        public Builder deliveryTimeout(Duration value) {
            this.deliveryTimeout = value;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the first setting that is out of range
         */
        public RetryOptions build() {
            return new RetryOptions(this);
        }
    }
}
