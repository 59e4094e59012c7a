package dev.tracking;

import dev.tracking.RetryOptions.Durations;
import dev.tracking.internal.Checks;
import java.time.Duration;

/**
 * How one destination queues, batches and sends.
 *
 * @param flushInterval the longest a message waits in the queue before a send starts
 * @param maxBatchSize the most messages in one request, 1,000 by default; each destination caps it (100 for Outlit,
 *        1,000 for Lotus)
 * @param maxBatchBytes the largest encoded request body a batch may reach
 * @param queueCapacity the most messages queued per destination; beyond it {@code overflow} decides
 * @param overflow what a full queue does
 * @param maxEventBytes the largest one message may be; larger ones are refused at the call
 * @param httpTimeout how long one request may take
 * @param connectTimeout how long connecting may take
 * @param retry the retry policy
 * @param shutdownTimeout how long {@link Tracker#close()} waits for the queue to drain
 */
public record DeliveryOptions(Duration flushInterval, int maxBatchSize, long maxBatchBytes, int queueCapacity,
        OverflowPolicy overflow, int maxEventBytes, Duration httpTimeout, Duration connectTimeout, RetryOptions retry,
        Duration shutdownTimeout) {

    /**
     * The default time {@link Tracker#close()} spends draining: 10 s, which leaves room for the web server's own
     * drain inside Spring Boot's 30 s shutdown phase and Kubernetes' 30 s grace period.
     */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    public DeliveryOptions {
        Durations.requirePositive("flushInterval", flushInterval);
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (maxBatchBytes < 1024) {
            throw new IllegalArgumentException("maxBatchBytes must be at least 1024, was " + maxBatchBytes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        Checks.requireNonNull("overflow", overflow);
        if (maxEventBytes < 256) {
            throw new IllegalArgumentException("maxEventBytes must be at least 256, was " + maxEventBytes);
        }
        Durations.requirePositive("httpTimeout", httpTimeout);
        Durations.requirePositive("connectTimeout", connectTimeout);
        Checks.requireNonNull("retry", retry);
        Durations.requirePositive("shutdownTimeout", shutdownTimeout);
    }

    /**
     * Flush every 10 s, 1,000 messages (each destination caps it: Outlit 100) or 1 MiB per request, 10,000 queued,
     * drop newest when full, 32 KiB per message, 10 s request timeout, 5 s connect timeout, default retries (for up
     * to 2 minutes), 10 s to drain on close.
     */
    public static DeliveryOptions defaults() {
        return new DeliveryOptions(Duration.ofSeconds(10), 1000, 1024 * 1024, 10_000, OverflowPolicy.DROP_NEWEST,
                32 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(5), RetryOptions.defaults(),
                DEFAULT_SHUTDOWN_TIMEOUT);
    }

    public DeliveryOptions withFlushInterval(Duration value) {
        return new DeliveryOptions(value, maxBatchSize, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withMaxBatchSize(int value) {
        return new DeliveryOptions(flushInterval, value, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withMaxBatchBytes(long value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, value, queueCapacity, overflow, maxEventBytes,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withQueueCapacity(int value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, value, overflow, maxEventBytes,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withOverflow(OverflowPolicy value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, value, maxEventBytes,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withMaxEventBytes(int value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, overflow, value,
                httpTimeout, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withHttpTimeout(Duration value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                value, connectTimeout, retry, shutdownTimeout);
    }

    public DeliveryOptions withConnectTimeout(Duration value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                httpTimeout, value, retry, shutdownTimeout);
    }

    public DeliveryOptions withRetry(RetryOptions value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                httpTimeout, connectTimeout, value, shutdownTimeout);
    }

    public DeliveryOptions withShutdownTimeout(Duration value) {
        return new DeliveryOptions(flushInterval, maxBatchSize, maxBatchBytes, queueCapacity, overflow, maxEventBytes,
                httpTimeout, connectTimeout, retry, value);
    }
}
