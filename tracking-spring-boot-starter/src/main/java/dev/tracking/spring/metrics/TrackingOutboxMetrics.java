package dev.tracking.spring.metrics;

import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox's meters, when the tracker has one: gauges {@code tracking.outbox.pending} and
 * {@code tracking.outbox.failed} (tag {@code destination}: rows in the table waiting to be sent, and rows that failed
 * for good and wait for replay or purge, of every instance) and the counter {@code tracking.outbox.not.durable}
 * (messages that could not be written to the database in time and went to the memory queue instead). A count the
 * database cannot give reads as NaN.
 */
public class TrackingOutboxMetrics implements MeterBinder {

    private final Tracker tracker;

    public TrackingOutboxMetrics(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        tracker.outbox().ifPresent(outbox -> bind(outbox, registry));
    }

    private static void bind(Outbox outbox, MeterRegistry registry) {
        for (String destination : outbox.destinations()) {
            Gauge.builder("tracking.outbox.pending", outbox, o -> read(o, destination, Outbox::pending))
                    .description("Outbox rows of a destination waiting to be sent, from every instance")
                    .tag("destination", destination)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("tracking.outbox.failed", outbox, o -> read(o, destination, Outbox::failed))
                    .description("Outbox rows of a destination that failed for good, kept for replay until purged")
                    .tag("destination", destination)
                    .strongReference(true)
                    .register(registry);
        }
        FunctionCounter.builder("tracking.outbox.not.durable", outbox, Outbox::notDurable)
                .description("Messages that could not be written to the outbox in time and went to the memory queue")
                .register(registry);
        FunctionCounter.builder("tracking.outbox.written.late", outbox, Outbox::writtenLate)
                .description("Messages whose row committed after track() stopped waiting: sent twice, same id")
                .register(registry);
    }

    private static double read(Outbox outbox, String destination, Count count) {
        try {
            return count.of(outbox, destination);
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }

    @FunctionalInterface
    private interface Count {
        long of(Outbox outbox, String destination);
    }
}
