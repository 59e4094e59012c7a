package dev.tracking.spring.metrics;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToLongFunction;

/**
 * Publishes, one gauge each per destination, {@code tracking.queue.size} (the messages queued or in flight),
 * {@code tracking.sender.restarts} (how often a sender thread stopped unexpectedly and was replaced) and
 * {@code tracking.credentials.rejected} (1 while the destination's server refuses its key, as the stats say, also
 * when an access check rather than a send found it; else 0).
 */
public class TrackingQueueMetrics implements MeterBinder {

    private final Tracker tracker;

    public TrackingQueueMetrics(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DestinationStats stats : tracker.stats()) {
            String destination = stats.destination();
            Gauge.builder("tracking.queue.size", tracker, t -> pending(t, destination))
                    .description("Messages queued or in flight for a destination")
                    .tag("destination", destination)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("tracking.sender.restarts", tracker, t -> read(t, destination, DestinationStats::senderRestarts))
                    .description("Sender threads of a destination that stopped unexpectedly and were replaced")
                    .tag("destination", destination)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("tracking.credentials.rejected", tracker,
                            t -> read(t, destination, s -> s.credentialsRejected() ? 1 : 0))
                    .description("1 while the destination's server refuses its key, else 0")
                    .tag("destination", destination)
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static double pending(Tracker tracker, String destination) {
        return read(tracker, destination, DestinationStats::pending);
    }

    private static double read(Tracker tracker, String destination, ToLongFunction<DestinationStats> value) {
        try {
            return tracker.stats().stream().filter(s -> s.destination().equals(destination))
                    .mapToLong(value).findFirst().orElse(0);
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }
}
