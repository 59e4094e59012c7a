package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The crash tests' verdict on what reached the sink. */
final class Deliveries {

    private Deliveries() {
    }

    /** Tracked ids (returned from {@code track()}) that have not reached the sink yet. */
    static Set<UUID> missing(Map<UUID, String> tracked, IngestSink sink) {
        Set<UUID> missing = new HashSet<>(tracked.keySet());
        missing.removeAll(sink.accepted().keySet());
        return missing;
    }

    /**
     * Every id whose {@code track()} returned reached the sink carrying its own {@code seq}; every id the sink got
     * is one whose {@code track()} began (none invented); an id received more than once was the same event each
     * time (a resend, never a different message under a reused id).
     */
    static void assertNoneLostNoneInvented(Map<UUID, String> tracked, Set<UUID> begun, IngestSink sink,
            String diagnostics) {
        assertThat(sink.problems()).as("requests the sink could not read").isEmpty();
        assertThat(missing(tracked, sink)).as("tracked but never delivered; %s", diagnostics).isEmpty();
        Set<UUID> invented = new HashSet<>(sink.accepted().keySet());
        invented.removeAll(begun);
        assertThat(invented).as("delivered ids no track() call began").isEmpty();
        tracked.forEach((id, seq) -> assertThat(sink.accepted().get(id).get(0).path("properties").path("seq")
                .asString()).as("seq of %s", id).isEqualTo(seq));
        sink.accepted().forEach((id, copies) -> {
            JsonNode first = copies.get(0);
            assertThat(copies).as("every copy of %s", id).allSatisfy(copy -> assertThat(copy).isEqualTo(first));
        });
    }

    /** How many ids arrived more than once, for the test's log line. */
    static int resends(IngestSink sink) {
        return sink.resent().size();
    }

    /** All ids in {@code requests}. */
    static Set<UUID> flatten(List<List<UUID>> requests) {
        Set<UUID> ids = new HashSet<>();
        requests.forEach(ids::addAll);
        return ids;
    }
}
