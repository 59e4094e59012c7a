package dev.tracking.spring.autoconfigure;

import java.time.Duration;

/** Settings under {@code tracking.shutdown}: what happens when the application stops. */
public class ShutdownProperties {

    /**
     * Longest the queues are drained at shutdown, after the web server finished its requests. The default, 10 s,
     * leaves room for the web server's own drain inside Spring Boot's 30 s shutdown phase and Kubernetes' 30 s
     * grace period.
     */
    private Duration timeout = Duration.ofSeconds(10);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
