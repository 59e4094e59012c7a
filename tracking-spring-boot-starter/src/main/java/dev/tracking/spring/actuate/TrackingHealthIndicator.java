package dev.tracking.spring.actuate;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code tracking} health component: UP while every destination delivers; DOWN when a destination's
 * credentials were rejected or its requests failed {@code tracking.health.failure-threshold} times in a row.
 * Details per destination: queue size, last delivery, consecutive failures, dropped (never a key).
 */
public class TrackingHealthIndicator implements HealthIndicator {

    private final Tracker tracker;
    private final int failureThreshold;

    public TrackingHealthIndicator(Tracker tracker, int failureThreshold) {
        this.tracker = tracker;
        this.failureThreshold = failureThreshold;
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
            else if (stats.consecutiveFailures() >= failureThreshold) {
                problems.add(stats.destination() + ": " + stats.consecutiveFailures() + " consecutive failures");
            }
        }
        if (!problems.isEmpty()) {
            builder.down().withDetail("problems", problems);
        }
        return builder.build();
    }
}
