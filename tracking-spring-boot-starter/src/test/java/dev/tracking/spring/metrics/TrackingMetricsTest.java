package dev.tracking.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Failure;
import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.annotation.TrackEvent;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrackingMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrackingMetrics metrics = new TrackingMetrics(registry);
    private final TrackMessage message = TrackMessage.builder("e").identity(Identity.ofCustomer("c")).build();

    @Test
    void countsEveryOutcomeByDestinationAndReason() {
        metrics.onAccepted("lotus", message);
        metrics.onAccepted("lotus", message);
        metrics.onDelivered("lotus", List.of(message));
        metrics.onFailed("lotus", List.of(message), Failure.of("http_400", "bad"));
        metrics.onDropped("outlit", message, "queue_full");

        assertThat(events("lotus", "accepted", "none")).isEqualTo(2);
        assertThat(events("lotus", "delivered", "none")).isEqualTo(1);
        assertThat(events("lotus", "failed", "http_400")).isEqualTo(1);
        assertThat(events("outlit", "dropped", "queue_full")).isEqualTo(1);
    }

    @Test
    void countsSkippedRecordingsAsDroppedWithoutADestination() {
        metrics.onSkipped(TrackEvent.class, "expression_error");
        assertThat(events("none", "dropped", "expression_error")).isEqualTo(1);
    }

    @Test
    void timesBatchSends() {
        metrics.onBatchSent("lotus", 10, Duration.ofMillis(40), "success");
        metrics.onBatchSent("lotus", 10, Duration.ofMillis(60), "success");
        assertThat(registry.get("tracking.batch.send").tags("destination", "lotus", "outcome", "success").timer().count())
                .isEqualTo(2);
    }

    @Test
    void timesTheAccessCachesRemoteRequestsByTriggerAndOutcome() {
        metrics.onRemoteAccessCheck(false, true, Duration.ofMillis(80));
        metrics.onRemoteAccessCheck(true, true, Duration.ofMillis(40));
        metrics.onRemoteAccessCheck(true, true, Duration.ofMillis(60));
        metrics.onRemoteAccessCheck(true, false, Duration.ofSeconds(2));

        assertThat(remote("miss", "answered").count()).isEqualTo(1);
        assertThat(remote("refresh", "answered").count()).isEqualTo(2);
        assertThat(remote("refresh", "answered").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
        assertThat(remote("refresh", "no_answer").max(TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(registry.find("tracking.entitlements.remote").tags("trigger", "miss", "outcome", "no_answer")
                .timer()).isNull();
    }

    private Timer remote(String trigger, String outcome) {
        return registry.get("tracking.entitlements.remote").tags("trigger", trigger, "outcome", outcome).timer();
    }

    @Test
    void countsGateDecisionsByResultAndSource() {
        metrics.onAccessChecked(AccessDecision.forFeature("c", "f", true, AccessReason.IN_PLAN, DecisionSource.CACHE));
        metrics.onAccessChecked(AccessDecision.forFeature("c", "f", false, AccessReason.BACKEND_UNAVAILABLE,
                DecisionSource.FALLBACK));
        assertThat(registry.get("tracking.entitlement.checks").tags("result", "allowed", "source", "cache").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("tracking.entitlement.checks").tags("result", "denied", "source", "fallback").counter()
                .count()).isEqualTo(1);
    }

    private double events(String destination, String outcome, String reason) {
        return registry.get("tracking.events").tags("destination", destination, "outcome", outcome, "reason", reason)
                .counter().count();
    }
}
