package dev.tracking.spring.autoconfigure;

import java.time.Duration;

/** Settings under {@code tracking.shutdown}: what happens when the application stops. */
public class ShutdownProperties {

    /** Longest the queues are drained at shutdown, after the web server finished its requests. */
    private Duration timeout = Duration.ofSeconds(30);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
