package dev.tracking.spring.autoconfigure;

import java.time.Duration;

/** Settings under {@code tracking.retry}: retries of requests that failed for a passing reason (network, timeout, 408, 429, 5xx). */
public class RetryProperties {

    /** Most attempts per request, the first included. */
    private int maxAttempts = 6;

    /** Backoff before the first retry; it doubles, with jitter, up to the maximum. */
    private Duration initialBackoff = Duration.ofMillis(500);

    /** Longest backoff between two attempts. */
    private Duration maxBackoff = Duration.ofSeconds(30);

    /** Longest time spent on one request, retries included, before its messages count as failed. */
    private Duration maxDuration = Duration.ofMinutes(2);

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

    public Duration getMaxDuration() {
        return maxDuration;
    }

    public void setMaxDuration(Duration maxDuration) {
        this.maxDuration = maxDuration;
    }
}
