package dev.tracking.spring.autoconfigure;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the tracker when the application stops, after the web server has finished its graceful shutdown, so
 * that requests still in flight are tracked. Closing drains the queues for at most {@code tracking.shutdown.timeout}
 * (the auto-configured tracker's shutdown timeout); the messages it could not deliver (failed, dropped for want
 * of room or time, or still queued, including those recorded while it was closing) are logged as a count; the
 * outbox's rows not sent by then stay in its table and are logged apart, as nothing is lost with them.
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
            List<DestinationStats> before = tracker.stats();
            tracker.close();
            List<DestinationStats> after = tracker.stats();
            long queued = sum(before, DestinationStats::pending)
                    + sum(after, DestinationStats::accepted) - sum(before, DestinationStats::accepted)
                    - (sum(after, TrackingLifecycle::notTaken) - sum(before, TrackingLifecycle::notTaken));
            long undelivered = sum(after, TrackingLifecycle::notDelivered) - sum(before, TrackingLifecycle::notDelivered)
                    + sum(after, DestinationStats::pending);
            long kept = keptInOutbox(after);
            String outboxNote = "; " + kept + " outbox rows stay in the table for the next start or another instance";
            if (undelivered - kept > 0) {
                log.warn("Tracker closed: {} of {} queued messages could not be delivered within {}{}",
                        undelivered - kept, queued, timeout, kept > 0 ? outboxNote : "");
            }
            else if (kept > 0) {
                log.info("Tracker closed: nothing lost{}", outboxNote);
            }
            else {
                log.info("Tracker closed: all {} queued messages delivered", queued);
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

    /** What is still pending after the close in the destinations the outbox covers: rows kept in its table. */
    private long keptInOutbox(List<DestinationStats> after) {
        return tracker.outbox().map(outbox -> after.stream().filter(s -> outbox.destinations().contains(s.destination()))
                .mapToLong(DestinationStats::pending).sum()).orElse(0L);
    }

    /** Failed, or dropped for want of room or time. */
    private static long notDelivered(DestinationStats stats) {
        return stats.failed() + lost(stats);
    }

    /** Dropped because the destination does not take them (e.g. an identify for Lotus): never meant to be sent. */
    private static long notTaken(DestinationStats stats) {
        return stats.dropped() - lost(stats);
    }

    private static long lost(DestinationStats stats) {
        return stats.droppedByReason().getOrDefault("queue_full", 0L)
                + stats.droppedByReason().getOrDefault("shutdown", 0L);
    }

    private static long sum(List<DestinationStats> stats, ToLongFunction<DestinationStats> count) {
        return stats.stream().mapToLong(count).sum();
    }
}
