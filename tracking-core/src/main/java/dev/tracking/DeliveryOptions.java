package dev.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * How one destination queues, batches and sends.
 *
 * <p>Immutable. Build with {@link #builder()} (which starts from {@link #defaults()}) or change a copy with
 * {@link #toBuilder()}; settings are checked at {@link Builder#build()}:
 * <pre>{@code
 * DeliveryOptions delivery = DeliveryOptions.builder()
 *         .flushInterval(Duration.ofSeconds(5))
 *         .queueCapacity(50_000)
 *         .build();
 * }</pre>
 */
public final class DeliveryOptions {

    /**
     * The default time {@link Tracker#close()} spends draining: 10 s, which leaves room for the web server's own
     * drain inside Spring Boot's 30 s shutdown phase and Kubernetes' 30 s grace period.
     */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private static final DeliveryOptions DEFAULTS = new Builder().build();

    private final Duration flushInterval;
    private final int maxBatchSize;
    private final long maxBatchBytes;
    private final int queueCapacity;
    private final OverflowPolicy overflow;
    private final int maxEventBytes;
    private final Duration httpTimeout;
    private final Duration connectTimeout;
    private final RetryOptions retry;
    private final Duration shutdownTimeout;

    private DeliveryOptions(Builder b) {
        this.flushInterval = ArgumentChecks.requirePositive("flushInterval", b.flushInterval);
        this.maxBatchSize = (int) ArgumentChecks.requireAtLeast("maxBatchSize", 1, b.maxBatchSize);
        this.maxBatchBytes = ArgumentChecks.requireAtLeast("maxBatchBytes", 1024, b.maxBatchBytes);
        this.queueCapacity = (int) ArgumentChecks.requireAtLeast("queueCapacity", 1, b.queueCapacity);
        this.overflow = ArgumentChecks.requireNonNull("overflow", b.overflow);
        this.maxEventBytes = (int) ArgumentChecks.requireAtLeast("maxEventBytes", 256, b.maxEventBytes);
        this.httpTimeout = ArgumentChecks.requirePositive("httpTimeout", b.httpTimeout);
        this.connectTimeout = ArgumentChecks.requirePositive("connectTimeout", b.connectTimeout);
        this.retry = ArgumentChecks.requireNonNull("retry", b.retry);
        this.shutdownTimeout = ArgumentChecks.requirePositive("shutdownTimeout", b.shutdownTimeout);
    }

    /**
     * Flush every 10 s, 1,000 messages (each destination caps it: Outlit 100) or 1 MiB per request, 10,000 queued,
     * drop newest when full, 32 KiB per message, 10 s request timeout, 5 s connect timeout, default retries (for up
     * to 2 minutes), 10 s to drain on close.
     */
    public static DeliveryOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().flushInterval(flushInterval).maxBatchSize(maxBatchSize).maxBatchBytes(maxBatchBytes)
                .queueCapacity(queueCapacity).overflow(overflow).maxEventBytes(maxEventBytes)
                .httpTimeout(httpTimeout).connectTimeout(connectTimeout).retry(retry)
                .shutdownTimeout(shutdownTimeout);
    }

    /** The longest a message waits in the queue before a send starts. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** The most messages in one request; each destination caps it (100 for Outlit, 1,000 for Lotus). */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The largest encoded request body a batch may reach. */
    public long maxBatchBytes() {
        return maxBatchBytes;
    }

    /** The most messages queued per destination; beyond it {@link #overflow()} decides. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** What a full queue does. */
    public OverflowPolicy overflow() {
        return overflow;
    }

    /** The largest one message may be; larger ones are refused at the call. */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /** How long one request may take. */
    public Duration httpTimeout() {
        return httpTimeout;
    }

    /** How long connecting may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The retry policy. */
    public RetryOptions retry() {
        return retry;
    }

    /** How long {@link Tracker#close()} waits for the queue to drain. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryOptions that && flushInterval.equals(that.flushInterval)
                && maxBatchSize == that.maxBatchSize && maxBatchBytes == that.maxBatchBytes
                && queueCapacity == that.queueCapacity && overflow == that.overflow
                && maxEventBytes == that.maxEventBytes && httpTimeout.equals(that.httpTimeout)
                && connectTimeout.equals(that.connectTimeout) && retry.equals(that.retry)
                && shutdownTimeout.equals(that.shutdownTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    @Override
    public String toString() {
        return "DeliveryOptions[flushInterval=" + flushInterval + ", maxBatchSize=" + maxBatchSize
                + ", maxBatchBytes=" + maxBatchBytes + ", queueCapacity=" + queueCapacity + ", overflow=" + overflow
                + ", maxEventBytes=" + maxEventBytes + ", httpTimeout=" + httpTimeout + ", connectTimeout="
                + connectTimeout + ", retry=" + retry + ", shutdownTimeout=" + shutdownTimeout + "]";
    }

    /** Builds {@link DeliveryOptions}; it starts from the defaults, and {@link #build()} checks every setting. */
    public static final class Builder {

        private Duration flushInterval = Duration.ofSeconds(10);
        private int maxBatchSize = 1000;
        private long maxBatchBytes = 1024 * 1024;
        private int queueCapacity = 10_000;
        private OverflowPolicy overflow = OverflowPolicy.DROP_NEWEST;
        private int maxEventBytes = 32 * 1024;
        private Duration httpTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private RetryOptions retry = RetryOptions.defaults();
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private Builder() {
        }

        /** The longest a message waits before a send starts (default 10 s); positive. */
        public Builder flushInterval(Duration value) {
            this.flushInterval = value;
            return this;
        }

        /** The most messages in one request (default 1,000); at least 1. */
        public Builder maxBatchSize(int value) {
            this.maxBatchSize = value;
            return this;
        }

        /** The largest encoded request body (default 1 MiB); at least 1,024. */
        public Builder maxBatchBytes(long value) {
            this.maxBatchBytes = value;
            return this;
        }

        /** The most messages queued per destination (default 10,000); at least 1. */
        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        /** What a full queue does (default {@link OverflowPolicy#DROP_NEWEST}). */
        public Builder overflow(OverflowPolicy value) {
            this.overflow = value;
            return this;
        }

        /** The largest one message may be, encoded (default 32 KiB); at least 256. */
        public Builder maxEventBytes(int value) {
            this.maxEventBytes = value;
            return this;
        }

        /** How long one request may take (default 10 s); positive. */
        public Builder httpTimeout(Duration value) {
            this.httpTimeout = value;
            return this;
        }

        /** How long connecting may take (default 5 s); positive. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** The retry policy (default {@link RetryOptions#defaults()}). */
        public Builder retry(RetryOptions value) {
            this.retry = value;
            return this;
        }

        /** How long {@link Tracker#close()} waits for the queues to drain (default 10 s); positive. */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = value;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the first setting that is out of range
         */
        public DeliveryOptions build() {
            return new DeliveryOptions(this);
        }
    }
}
