package dev.tracking.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Message;
import dev.tracking.Tracker;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TrackingQueueMetricsTest {

    @Test
    void aRefusedKeyShowsAsOneInTheCredentialsGaugeOfItsDestination() {
        AtomicBoolean refused = new AtomicBoolean();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Tracker tracker = Tracker.builder().destination(new KeyCheckedDestination(refused)).build()) {
            new TrackingQueueMetrics(tracker).bindTo(registry);
            assertThat(gauge(registry)).isZero();

            refused.set(true);

            assertThat(gauge(registry)).isEqualTo(1.0);
            assertThat(registry.get("tracking.queue.size").tag("destination", "lotus").gauge().value()).isZero();
        }
    }

    private static double gauge(SimpleMeterRegistry registry) {
        return registry.get("tracking.credentials.rejected").tag("destination", "lotus").gauge().value();
    }

    /** A destination that learns outside sending whether its key is refused, as Lotus's access checks do. */
    private record KeyCheckedDestination(AtomicBoolean refused) implements Destination {

        @Override
        public String name() {
            return "lotus";
        }

        @Override
        public String skipReason(Message message) {
            return null;
        }

        @Override
        public SendResult send(List<Message> batch) {
            return SendResult.delivered(batch.size());
        }

        @Override
        public boolean credentialsRejected() {
            return refused.get();
        }
    }
}
