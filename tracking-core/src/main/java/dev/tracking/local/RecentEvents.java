package dev.tracking.local;

import dev.tracking.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fixed-size ring of the last messages received; the oldest is overwritten when it is full. */
final class RecentEvents {

    private final RecordedEvent[] slots;
    private long received;

    RecentEvents(int capacity) {
        slots = new RecordedEvent[capacity];
    }

    /** Records {@code message} under the next sequence number and returns what was recorded. */
    synchronized RecordedEvent add(Message message, Instant receivedAt) {
        RecordedEvent event = RecordedEvent.of(received + 1, message, receivedAt);
        slots[(int) (received % slots.length)] = event;
        received++;
        return event;
    }

    /** Up to {@code limit} of the most recent messages, newest first. */
    synchronized List<RecordedEvent> newestFirst(int limit) {
        int count = (int) Math.min(Math.min(limit, slots.length), received);
        List<RecordedEvent> events = new ArrayList<>(count);
        for (long sequence = received - 1; events.size() < count; sequence--) {
            events.add(slots[(int) (sequence % slots.length)]);
        }
        return List.copyOf(events);
    }

    int capacity() {
        return slots.length;
    }

    synchronized int size() {
        return (int) Math.min(slots.length, received);
    }
}
