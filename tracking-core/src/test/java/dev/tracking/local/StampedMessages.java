package dev.tracking.local;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.time.Instant;
import java.util.List;

/** Builds track messages stamped at a given instant, for the local backend tests. */
final class StampedMessages {

    private StampedMessages() {
    }

    static TrackMessage track(String customerId, String eventName, String isoInstant) {
        return TrackMessage.builder(eventName).customerId(customerId).timestamp(Instant.parse(isoInstant)).build();
    }

    static List<Message> times(int count, String customerId, String eventName, String isoInstant) {
        return java.util.stream.IntStream.range(0, count)
                .<Message>mapToObj(i -> track(customerId, eventName, isoInstant)).toList();
    }
}
