package dev.tracking.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.testing.RecordingTracker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingEndpointTest {

    private final RecordingTracker tracker = new RecordingTracker();
    private final TrackingEndpoint endpoint = new TrackingEndpoint(tracker);

    @Test
    void showsEveryDestinationsCounters() {
        tracker.track("e", Identity.ofCustomer("c"), null);
        Map<String, Object> body = endpoint.tracking();
        assertThat(body).containsEntry("queueSize", 0);
        assertThat(body.get("destinations")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys(RecordingTracker.DESTINATION);
        assertThat(endpoint.destination(RecordingTracker.DESTINATION)).containsEntry("accepted", 1L)
                .containsKeys("failedByReason", "droppedByReason");
    }

    @Test
    void answersNothingForAnUnknownDestination() {
        assertThat(endpoint.destination("lotus")).isNull();
    }
}
