package dev.tracking.spring.autoconfigure;

import java.time.Duration;

/** Settings under {@code tracking.http}: HTTP timeouts of every call to Lotus and Outlit. */
public class HttpProperties {

    /** Longest one request may take. */
    private Duration timeout = Duration.ofSeconds(10);

    /** Longest connecting may take. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }
}
