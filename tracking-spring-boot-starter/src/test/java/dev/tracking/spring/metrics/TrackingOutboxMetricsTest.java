package dev.tracking.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrackingOutboxMetricsTest {

    private final Tracker tracker = mock(Tracker.class);
    private final Outbox outbox = mock(Outbox.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void publishesPendingAndFailedRowsPerDestinationAndTheNotDurableCount() {
        AtomicLong pending = new AtomicLong(3);
        AtomicLong notDurable = new AtomicLong();
        given(tracker.outbox()).willReturn(Optional.of(outbox));
        given(outbox.destinations()).willReturn(Set.of("lotus", "outlit"));
        given(outbox.pending("lotus")).willAnswer(call -> pending.get());
        given(outbox.failed("lotus")).willReturn(2L);
        given(outbox.notDurable()).willAnswer(call -> notDurable.get());
        new TrackingOutboxMetrics(tracker).bindTo(registry);

        pending.set(5);
        notDurable.set(4);

        assertThat(registry.get("tracking.outbox.pending").tag("destination", "lotus").gauge().value()).isEqualTo(5);
        assertThat(registry.get("tracking.outbox.failed").tag("destination", "lotus").gauge().value()).isEqualTo(2);
        assertThat(registry.get("tracking.outbox.pending").tag("destination", "outlit").gauge().value()).isZero();
        assertThat(registry.get("tracking.outbox.not.durable").functionCounter().count()).isEqualTo(4);
    }

    @Test
    void aCountTheDatabaseCannotGiveReadsAsNaN() {
        given(tracker.outbox()).willReturn(Optional.of(outbox));
        given(outbox.destinations()).willReturn(Set.of("lotus"));
        given(outbox.pending("lotus")).willThrow(new IllegalStateException("database down"));
        new TrackingOutboxMetrics(tracker).bindTo(registry);

        assertThat(registry.get("tracking.outbox.pending").tag("destination", "lotus").gauge().value()).isNaN();
    }

    @Test
    void withoutAnOutboxPublishesNothing() {
        given(tracker.outbox()).willReturn(Optional.empty());
        new TrackingOutboxMetrics(tracker).bindTo(registry);

        assertThat(registry.find("tracking.outbox.pending").gauges()).isEmpty();
        assertThat(registry.find("tracking.outbox.not.durable").functionCounters()).isEmpty();
    }
}
