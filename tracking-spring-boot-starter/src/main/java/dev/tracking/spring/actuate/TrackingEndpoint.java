package dev.tracking.spring.actuate;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import dev.tracking.spring.aop.SkippedRecordings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code tracking} actuator endpoint: every destination's counters and the recordings the annotations skipped
 * ({@code /actuator/tracking}), or one destination's counters ({@code /actuator/tracking/{destination}}). With the
 * outbox on, {@code outbox} shows its rows pending and failed per destination and the messages kept in memory only
 * ({@code notDurable}), and a write operation replays a destination's failed rows.
 */
@Endpoint(id = "tracking")
public class TrackingEndpoint {

    /** The action of {@link #replay}: make the failed rows of a destination pending again. */
    public static final String REPLAY_FAILED = "replay-failed";

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
        tracker.outbox().ifPresent(outbox -> body.put("outbox", OutboxDetails.of(outbox)));
        return body;
    }

    /**
     * One destination's counters, with its outbox rows when it goes through the outbox, or {@code null} (404) when
     * there is no such destination.
     */
    @ReadOperation
    public Map<String, Object> destination(@Selector String destination) {
        Map<String, Object> details = tracker.stats().stream().filter(s -> s.destination().equals(destination))
                .findFirst().map(TrackingEndpoint::details).orElse(null);
        tracker.outbox().filter(outbox -> details != null && outbox.destinations().contains(destination))
                .ifPresent(outbox -> details.put("outbox", OutboxDetails.of(outbox, destination)));
        return details;
    }

    /**
     * Sends the rows of {@code destination} that failed for good again, with their original ids and timestamps:
     * {@code POST /actuator/tracking/{destination}} with {@code {"action":"replay-failed"}}.
     *
     * @return the destination and how many rows were made pending again
     */
    @WriteOperation
    public Map<String, Object> replay(@Selector String destination, String action) {
        if (!REPLAY_FAILED.equals(action)) {
            throw new InvalidEndpointRequestException("Unknown action '" + action + "'; the only action is "
                    + REPLAY_FAILED, "unknown action");
        }
        Outbox outbox = tracker.outbox().orElseThrow(() -> new InvalidEndpointRequestException(
                "The outbox is off (tracking.outbox.enabled=false): there are no failed rows to replay", "no outbox"));
        if (!outbox.destinations().contains(destination)) {
            throw new InvalidEndpointRequestException("Destination '" + destination + "' does not go through the"
                    + " outbox; it does: " + new TreeSet<>(outbox.destinations()), "not an outbox destination");
        }
        int replayed = outbox.replayFailed(destination);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("destination", destination);
        body.put("replayed", replayed);
        return body;
    }

    private static Map<String, Object> details(DestinationStats stats) {
        Map<String, Object> details = DestinationDetails.of(stats);
        details.put("failedByReason", stats.failedByReason());
        details.put("droppedByReason", stats.droppedByReason());
        return details;
    }
}
