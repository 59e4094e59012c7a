package dev.tracking.spring.autoconfigure;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Settings under {@code tracking.batch}: how messages are grouped into requests. */
public class BatchProperties {

    /** Most messages in one request; each destination caps it (Outlit at 100, Lotus at 1000). */
    private int maxSize = 1000;

    /** Largest encoded request body a batch may reach. */
    private DataSize maxBytes = DataSize.ofMegabytes(1);

    /** Largest one message may be; a larger one is refused when it is recorded. */
    private DataSize maxEventBytes = DataSize.ofKilobytes(32);

    /** Longest a message waits in the queue before a send starts. */
    private Duration flushInterval = Duration.ofSeconds(10);

    public int getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    public DataSize getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(DataSize maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DataSize getMaxEventBytes() {
        return maxEventBytes;
    }

    public void setMaxEventBytes(DataSize maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }
}
