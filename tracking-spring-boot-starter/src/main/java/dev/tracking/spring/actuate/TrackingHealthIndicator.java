package dev.tracking.spring.actuate;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.spring.aop.SkippedRecordings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code tracking} health component: UP while every destination delivers; DOWN when a destination's
 * credentials were rejected, its last request got an answer that is not the vendor's ({@code unexpected_response}:
 * a proxy's page, a wrong base URL), or its requests failed {@code tracking.health.failure-threshold} times in a
 * row. Details per destination: queue size, last delivery, consecutive failures, dropped, sender restarts (never
 * a key); and under {@code annotations} the recordings the annotations skipped, by reason.
 *
 * <p>With the outbox on, {@code outbox} shows its rows pending and failed per destination and {@code notDurable},
 * the messages that could not be written to the database and were kept in memory instead; when that is above zero a
 * {@code warnings} entry says so. It does not turn the component DOWN: an orchestrator would restart the instance
 * and lose exactly the messages held in memory.
 */
public class TrackingHealthIndicator implements HealthIndicator {

    private final Tracker tracker;
    private final int failureThreshold;
    private final SkippedRecordings skipped;

    public TrackingHealthIndicator(Tracker tracker, int failureThreshold) {
        this(tracker, failureThreshold, null);
    }

    /** @param skipped the recordings the annotations skipped, shown as {@code annotations}; may be {@code null} */
    public TrackingHealthIndicator(Tracker tracker, int failureThreshold, SkippedRecordings skipped) {
        this.tracker = tracker;
        this.failureThreshold = failureThreshold;
        this.skipped = skipped;
    }

    @Override
    public Health health() {
        List<String> problems = new ArrayList<>();
        Health.Builder builder = Health.up();
        for (DestinationStats stats : tracker.stats()) {
            builder.withDetail(stats.destination(), DestinationDetails.of(stats));
            if (stats.credentialsRejected()) {
                problems.add(stats.destination() + ": credentials rejected");
            }
            else if (stats.consecutiveFailures() > 0 && stats.lastFailure() != null
                    && "unexpected_response".equals(stats.lastFailure().reason())) {
                problems.add(stats.destination() + ": unexpected response (" + stats.lastFailure().detail() + ")");
            }
            else if (stats.consecutiveFailures() >= failureThreshold) {
                problems.add(stats.destination() + ": " + stats.consecutiveFailures() + " consecutive failures");
            }
        }
        if (skipped != null) {
            builder.withDetail("annotations", skipped.details());
        }
        tracker.outbox().ifPresent(outbox -> {
            builder.withDetail("outbox", OutboxDetails.of(outbox));
            String warning = OutboxDetails.notDurableWarning(outbox);
            if (warning != null) {
                builder.withDetail("warnings", List.of(warning));
            }
        });
        if (!problems.isEmpty()) {
            builder.down().withDetail("problems", problems);
        }
        return builder.build();
    }
}
