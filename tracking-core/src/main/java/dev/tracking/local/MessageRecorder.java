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
 * toward usage: on delivery, or on acceptance by a tracker that then delivers them without counting again.
 */
final class MessageRecorder {

    private final Clock clock;
    private final RecentEvents recent;
    private final UsageLedger usage;
    private final ActivityBook activity;
    private final Map<String, LongAdder> receivedByType = new ConcurrentHashMap<>();
    private final LongAdder notCounted = new LongAdder();

    MessageRecorder(Clock clock, RecentEvents recent, UsageLedger usage, ActivityBook activity) {
        this.clock = clock;
        this.recent = recent;
        this.usage = usage;
        this.activity = activity;
    }

    /** Records a delivered message and counts its usage. */
    void record(Message message) {
        record(message, true);
    }

    /** Records a delivered message whose usage was counted when the tracker accepted it. */
    void recordCounted(Message message) {
        record(message, false);
    }

    /** Counts {@code track} toward usage now, as the tracker accepts it. */
    void countAccepted(TrackMessage track) {
        count(track, UtcMonths.of(clock.instant()));
    }

    private void record(Message message, boolean countUsage) {
        Instant now = clock.instant();
        RecordedEvent event = recent.add(message, now);
        receivedByType.computeIfAbsent(event.type(), type -> new LongAdder()).increment();
        if (message instanceof TrackMessage track) {
            YearMonth currentMonth = UtcMonths.of(now);
            if (track.identity().customerId() == null || UtcMonths.of(track.timestamp()).isBefore(currentMonth)) {
                notCounted.increment();
            }
            if (countUsage) {
                count(track, currentMonth);
            }
        } else {
            activity.record(event);
        }
    }

    private void count(TrackMessage track, YearMonth currentMonth) {
        String customerId = track.identity().customerId();
        if (customerId != null) {
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
