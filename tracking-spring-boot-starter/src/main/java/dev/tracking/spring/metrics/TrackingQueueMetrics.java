package dev.tracking.spring.metrics;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Publishes {@code tracking.queue.size}: the messages queued or in flight, one gauge per destination. */
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
        }
    }

    private static double pending(Tracker tracker, String destination) {
        try {
            return tracker.stats().stream().filter(s -> s.destination().equals(destination))
                    .mapToLong(DestinationStats::pending).findFirst().orElse(0);
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }
}
