package dev.tracking.internal.outbox;

import dev.tracking.DestinationStats;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A covered destination's stats: what its memory queue counted, what its outbox relay counted in this process,
 * and the rows pending in the table (by any instance, across restarts), so that
 * {@code accepted = delivered + failed + dropped + pending} holds for the destination as a whole.
 */
final class OutboxLaneStats {

    private OutboxLaneStats() {
    }

    /** The one place that builds a covered destination's {@link DestinationStats}. */
    static DestinationStats combine(DestinationStats memory, DestinationStats relay, long tablePending) {
        Map<String, Long> failedByReason = new TreeMap<>(memory.failedByReason());
        relay.failedByReason().forEach((reason, count) -> {
            if (!"shutdown".equals(reason)) {
                failedByReason.merge(reason, count, Long::sum);
            }
        });
        long delivered = memory.delivered() + relay.delivered();
        long failed = failedByReason.values().stream().mapToLong(Long::longValue).sum();
        long pending = memory.pending() + tablePending;
        boolean relayLater = later(relay.lastFailureAt(), memory.lastFailureAt());
        return memory.toBuilder().accepted(delivered + failed + memory.dropped() + pending).delivered(delivered)
                .failed(failed).pending(pending)
                .consecutiveFailures(Math.max(memory.consecutiveFailures(), relay.consecutiveFailures()))
                .lastDeliveryAt(latest(memory.lastDeliveryAt(), relay.lastDeliveryAt()))
                .lastFailureAt(latest(memory.lastFailureAt(), relay.lastFailureAt()))
                .lastFailure(relayLater ? relay.lastFailure() : memory.lastFailure())
                .credentialsRejected(memory.credentialsRejected() || relay.credentialsRejected())
                .failedByReason(failedByReason).senderRestarts(memory.senderRestarts() + relay.senderRestarts())
                .build();
    }

    private static boolean later(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }

    private static Instant latest(Instant a, Instant b) {
        return later(a, b) ? a : b;
    }
}
