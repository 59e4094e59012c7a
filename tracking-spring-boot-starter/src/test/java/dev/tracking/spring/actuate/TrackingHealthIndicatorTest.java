package dev.tracking.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.Tracker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TrackingHealthIndicatorTest {

    private final Tracker tracker = mock(Tracker.class);
    private final TrackingHealthIndicator indicator = new TrackingHealthIndicator(tracker, 3);

    @Test
    void isUpWithDetailsPerDestination() {
        given(tracker.stats()).willReturn(List.of(stats("lotus", 2, false, Instant.parse("2026-01-01T00:00:00Z"))));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys("lotus");
        @SuppressWarnings("unchecked")
        Map<String, Object> lotus = (Map<String, Object>) health.getDetails().get("lotus");
        assertThat(lotus).containsEntry("queueSize", 4L).containsEntry("consecutiveFailures", 2L)
                .containsEntry("dropped", 1L).containsEntry("lastDeliveryAt", "2026-01-01T00:00:00Z")
                .containsEntry("lastFailureReason", "timeout");
    }

    @Test
    void isDownWhenCredentialsAreRejected() {
        given(tracker.stats()).willReturn(List.of(stats("lotus", 1, true, null), stats("outlit", 0, false, null)));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problems")).asString().contains("lotus: credentials rejected");
    }

    @Test
    void isDownWhenADestinationLearnedOutsideSendingThatItsKeyIsRefused() {
        java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
        dev.tracking.spi.Destination lotus = new dev.tracking.spi.Destination() {
            @Override
            public String name() {
                return "lotus";
            }

            @Override
            public String skipReason(dev.tracking.Message message) {
                return null;
            }

            @Override
            public dev.tracking.spi.SendResult send(List<dev.tracking.Message> batch) {
                return dev.tracking.spi.SendResult.delivered(batch.size());
            }

            @Override
            public boolean credentialsRejected() {
                return refused.get();
            }
        };
        try (Tracker real = Tracker.builder().destination(lotus).build()) {
            TrackingHealthIndicator health = new TrackingHealthIndicator(real, 3);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            refused.set(true);

            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails().get("problems")).asString()
                    .contains("lotus: credentials rejected");
        }
    }

    @Test
    void isDownAtTheFailureThreshold() {
        given(tracker.stats()).willReturn(List.of(stats("outlit", 3, false, null)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void isDownAtOnceWhenTheLastAnswerWasNotTheVendorsAndShowsSenderRestarts() {
        DestinationStats wrongBaseUrl = DestinationStats.builder("outlit").accepted(5).pending(5)
                .consecutiveFailures(1).lastFailureAt(Instant.EPOCH)
                .lastFailure(new Failure("unexpected_response", "HTTP 200 with Content-Type text/html", false))
                .senderRestarts(2).build();
        given(tracker.stats()).willReturn(List.of(wrongBaseUrl));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problems")).asString().contains("outlit: unexpected response")
                .contains("text/html");
        assertThat(health.getDetails().get("outlit")).asString().contains("senderRestarts=2");
    }

    private static DestinationStats stats(String name, long consecutiveFailures, boolean rejected, Instant lastDelivery) {
        return DestinationStats.builder(name).accepted(10).delivered(4).failed(1).dropped(1).pending(4)
                .consecutiveFailures(consecutiveFailures).lastDeliveryAt(lastDelivery).lastFailureAt(Instant.EPOCH)
                .lastFailure(new Failure("timeout", "no answer", rejected)).credentialsRejected(rejected)
                .failedByReason(Map.of("timeout", 1L)).droppedByReason(Map.of("queue_full", 1L)).build();
    }
}
