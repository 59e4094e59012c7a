package dev.tracking.spring.autoconfigure;

import java.time.Duration;

/**
 * Settings under {@code tracking.retry}: retries of requests that failed for a passing reason (network, timeout,
 * 408, 429, 5xx, an answer that is not the vendor's), until the delivery timeout.
 */
public class RetryProperties {

    /** Most attempts per request, the first included; 0 for no cap, so that only the delivery timeout ends retries. */
    private int maxAttempts = 0;

    /** Backoff before the first retry; it doubles, with jitter, up to the maximum. */
    private Duration initialBackoff = Duration.ofMillis(500);

    /** Longest backoff between two attempts. */
    private Duration maxBackoff = Duration.ofSeconds(30);

    /** How long a request is retried, from its first attempt, before its messages count as failed. */
    private Duration deliveryTimeout = Duration.ofMinutes(2);

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }
}
