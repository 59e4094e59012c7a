package dev.tracking.local;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records every received message into the ring, the latest activity and the totals, and counts tracked events
 * toward usage once, on acceptance by the tracker or on delivery, whichever comes first.
 */
final class MessageRecorder {

    private final Clock clock;
    private final RecentEvents recent;
    private final UsageLedger usage;
    private final ActivityBook activity;
    private final Map<String, LongAdder> receivedByType = new ConcurrentHashMap<>();
    private final LongAdder notCounted = new LongAdder();
    private final FirstSightings sightings = new FirstSightings();

    MessageRecorder(Clock clock, RecentEvents recent, UsageLedger usage, ActivityBook activity) {
        this.clock = clock;
        this.recent = recent;
        this.usage = usage;
        this.activity = activity;
    }

    void record(Message message) {
        Instant now = clock.instant();
        RecordedEvent event = recent.add(message, now);
        receivedByType.computeIfAbsent(event.type(), type -> new LongAdder()).increment();
        if (message instanceof TrackMessage track) {
            YearMonth currentMonth = UtcMonths.of(now);
            if (track.identity().customerId() == null || UtcMonths.of(track.timestamp()).isBefore(currentMonth)) {
                notCounted.increment();
            }
            countOnce(track, currentMonth);
        } else {
            activity.record(event);
        }
    }

    /** Counts {@code track} toward usage now, as the tracker accepts it, unless it was already delivered. */
    void accepted(TrackMessage track) {
        countOnce(track, UtcMonths.of(clock.instant()));
    }

    /** Counts {@code track} toward usage now, as the tracker accepts it, when no delivery of it will follow. */
    void acceptedOnly(TrackMessage track) {
        String customerId = track.identity().customerId();
        if (customerId != null) {
            usage.record(customerId, track.eventName(), track.timestamp(), UtcMonths.of(clock.instant()));
        }
    }

    private void countOnce(TrackMessage track, YearMonth currentMonth) {
        String customerId = track.identity().customerId();
        if (customerId != null && sightings.isFirst(track.id())) {
            usage.record(customerId, track.eventName(), track.timestamp(), currentMonth);
        }
    }

    /** Messages received of {@code type} ({@link RecordedEvent#TRACK}, …). */
    long received(String type) {
        LongAdder counter = receivedByType.get(type);
        return counter == null ? 0 : counter.sum();
    }

    /** Track messages that counted toward no usage: no customer id, or stamped in a past month. */
    long notCounted() {
        return notCounted.sum();
    }
}
