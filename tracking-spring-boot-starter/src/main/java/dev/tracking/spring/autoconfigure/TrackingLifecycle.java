package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Flushes and closes the tracker when the application stops, after the web server has finished its graceful
 * shutdown, so that requests still in flight are tracked. The flush is bounded by {@code tracking.shutdown.timeout};
 * what is still queued then is logged as a count and left to {@link Tracker#close()}.
 */
public class TrackingLifecycle implements SmartLifecycle {

    /**
     * Below the web server's graceful shutdown ({@code Integer.MAX_VALUE - 1024}) and its stop
     * ({@code Integer.MAX_VALUE - 2048}): lifecycles with lower phases stop later.
     */
    public static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(TrackingLifecycle.class);

    private final Tracker tracker;
    private final Duration timeout;
    private volatile boolean running;

    public TrackingLifecycle(Tracker tracker, Duration timeout) {
        this.tracker = tracker;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            int queued = tracker.queueSize();
            boolean drained = tracker.flush(timeout);
            int undelivered = drained ? 0 : tracker.queueSize();
            tracker.close();
            if (undelivered > 0) {
                log.warn("Tracker closed with {} of {} queued messages undelivered after {}", undelivered, queued, timeout);
            }
            else {
                log.info("Tracker flushed {} queued messages and closed", queued);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Tracker did not close cleanly: {}", ex.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
