package dev.tracking.spring.actuate;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.spring.aop.SkippedRecordings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code tracking} actuator endpoint: every destination's counters and the recordings the annotations skipped
 * ({@code /actuator/tracking}), or one destination's counters ({@code /actuator/tracking/{destination}}).
 */
@Endpoint(id = "tracking")
public class TrackingEndpoint {

    private final Tracker tracker;
    private final SkippedRecordings skipped;

    public TrackingEndpoint(Tracker tracker) {
        this(tracker, null);
    }

    /** @param skipped the recordings the annotations skipped, shown as {@code annotations}; may be {@code null} */
    public TrackingEndpoint(Tracker tracker, SkippedRecordings skipped) {
        this.tracker = tracker;
        this.skipped = skipped;
    }

    /** The total queue size and each destination's counters. */
    @ReadOperation
    public Map<String, Object> tracking() {
        Map<String, Object> destinations = new LinkedHashMap<>();
        for (DestinationStats stats : tracker.stats()) {
            destinations.put(stats.destination(), details(stats));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queueSize", tracker.queueSize());
        body.put("destinations", destinations);
        if (skipped != null) {
            body.put("annotations", skipped.details());
        }
        return body;
    }

    /** One destination's counters, or {@code null} (404) when there is no such destination. */
    @ReadOperation
    public Map<String, Object> destination(@Selector String destination) {
        return tracker.stats().stream().filter(s -> s.destination().equals(destination)).findFirst()
                .map(TrackingEndpoint::details).orElse(null);
    }

    private static Map<String, Object> details(DestinationStats stats) {
        Map<String, Object> details = DestinationDetails.of(stats);
        details.put("failedByReason", stats.failedByReason());
        details.put("droppedByReason", stats.droppedByReason());
        return details;
    }
}
