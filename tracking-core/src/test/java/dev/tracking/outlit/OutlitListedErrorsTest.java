package dev.tracking.outlit;

import static dev.tracking.contract.OutlitServer.json;
import static dev.tracking.outlit.OutlitTestTrackers.DELIVERY;
import static dev.tracking.outlit.OutlitTestTrackers.tracker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.contract.OutlitServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A 400 or 500 whose {@code IngestResponse} lists events by index fails only those events. */
class OutlitListedErrorsTest {

    private final OutlitServer outlit = new OutlitServer();
    private final List<Message> failed = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final TrackingListener listener = new TrackingListener() {
        @Override
        public void onFailed(String destination, List<? extends Message> messages, Failure failure) {
            failed.addAll(messages);
            failures.add(failure);
        }
    };

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void a400ListingOneEventFailsOnlyItAndSendsTheOthersAgain() {
        outlit.respondInSequence(json(400, "{\"success\":false,\"processed\":0,"
                + "\"errors\":[{\"index\":1,\"message\":\"events.1.eventName: Required\"}]}"),
                json(200, "{\"success\":true,\"processed\":2}"));

        DestinationStats stats = sendThree();

        assertThat(stats.delivered()).isEqualTo(2);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.failedByReason()).containsOnlyKeys("rejected");
        assertThat(failures).extracting(Failure::detail).containsExactly("events.1.eventName: Required");
        assertThat(failed).extracting(m -> ((TrackMessage) m).eventName()).containsExactly("event_1");
        List<JsonNode> bodies = outlit.bodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1).path("events").findValuesAsString("eventName")).containsExactly("event_0", "event_2");
    }

    @Test
    void a500ListingEventsFailsOnlyThoseAndRetriesTheOthers() {
        outlit.respondInSequence(json(500, "{\"success\":false,\"processed\":0,"
                + "\"errors\":[{\"index\":0,\"message\":\"could not store\"},{\"index\":2,\"message\":\"x\"}]}"),
                json(200, "{\"success\":true,\"processed\":1}"));

        DestinationStats stats = sendThree();

        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.failed()).isEqualTo(2);
        assertThat(failed).extracting(m -> ((TrackMessage) m).eventName()).containsExactlyInAnyOrder("event_0", "event_2");
        assertThat(outlit.bodies().get(1).path("events").findValuesAsString("eventName")).containsExactly("event_1");
    }

    @Test
    void a400WithoutIndexesFailsTheWholeBatchAsBefore() {
        outlit.respond(json(400, "{\"success\":false,\"processed\":0}"));

        DestinationStats stats = sendThree();

        assertThat(stats.failed()).isEqualTo(3);
        assertThat(stats.failedByReason()).containsOnlyKeys("http_400");
        assertThat(outlit.requests()).hasSize(1);
    }

    private DestinationStats sendThree() {
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY, listener)) {
            for (int i = 0; i < 3; i++) {
                tracker.track(TrackMessage.builder("event_" + i).userId("u" + i).build());
            }
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            return tracker.stats().get(0);
        }
    }
}
