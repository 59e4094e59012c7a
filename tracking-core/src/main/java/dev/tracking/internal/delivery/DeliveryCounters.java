package dev.tracking.internal.delivery;

import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One destination's counters, lock-free.
 *
 * <p>Pending is never stored: a snapshot reads the final counters (delivered, failed, dropped) first and
 * {@code accepted} last, and derives {@code pending} from them. Every message is counted as accepted before it
 * can be counted as anything else, so a snapshot always satisfies
 * {@code accepted == delivered + failed + dropped + pending} with {@code pending >= 0}.
 */
public final class DeliveryCounters {

    private final Clock clock;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> failedByReason = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> droppedByReason = new ConcurrentHashMap<>();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final AtomicLong senderRestarts = new AtomicLong();
    private volatile Instant lastDeliveryAt;
    private volatile Instant lastFailureAt;
    private volatile Failure lastFailure;
    private volatile boolean credentialsRejected;

    public DeliveryCounters(Clock clock) {
        this.clock = clock;
    }

    void accepted() {
        accepted.increment();
    }

    void delivered(int messages) {
        delivered.add(messages);
    }

    public void failed(String reason, int messages) {
        failedByReason.computeIfAbsent(reason, r -> new LongAdder()).add(messages);
    }

    void dropped(String reason) {
        droppedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** A sender thread stopped unexpectedly and was replaced. */
    void senderRestarted() {
        senderRestarts.incrementAndGet();
    }

    /** Called by a sender thread, after a request succeeded (fully or partly). */
    void requestSucceeded() {
        consecutiveFailures.set(0);
        credentialsRejected = false;
        lastDeliveryAt = clock.instant();
    }

    /** Called by a sender thread, after a request failed or must be retried. */
    void requestFailed(Failure failure, boolean nothingDelivered) {
        if (nothingDelivered) {
            consecutiveFailures.incrementAndGet();
        }
        lastFailure = failure;
        lastFailureAt = clock.instant();
        credentialsRejected = failure.credentialsRejected();
    }

    /** Messages accepted but not yet delivered, failed or dropped. */
    long pending() {
        long finished = delivered.sum() + total(failedByReason) + total(droppedByReason);
        return accepted.sum() - finished;
    }

    public DestinationStats snapshot(String destination) {
        long deliveredNow = delivered.sum();
        Map<String, Long> failed = copy(failedByReason);
        Map<String, Long> dropped = copy(droppedByReason);
        long acceptedNow = accepted.sum();
        long failedNow = sum(failed);
        long droppedNow = sum(dropped);
        long pendingNow = acceptedNow - deliveredNow - failedNow - droppedNow;
        return DestinationStats.builder(destination).accepted(acceptedNow).delivered(deliveredNow).failed(failedNow)
                .dropped(droppedNow).pending(pendingNow).consecutiveFailures(consecutiveFailures.get())
                .lastDeliveryAt(lastDeliveryAt).lastFailureAt(lastFailureAt).lastFailure(lastFailure)
                .credentialsRejected(credentialsRejected).failedByReason(failed).droppedByReason(dropped)
                .senderRestarts(senderRestarts.get()).build();
    }

    private static long total(Map<String, LongAdder> byReason) {
        long total = 0;
        for (LongAdder adder : byReason.values()) {
            total += adder.sum();
        }
        return total;
    }

    private static Map<String, Long> copy(Map<String, LongAdder> byReason) {
        Map<String, Long> copy = new TreeMap<>();
        byReason.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return Collections.unmodifiableMap(copy);
    }

    private static long sum(Map<String, Long> values) {
        long total = 0;
        for (long value : values.values()) {
            total += value;
        }
        return total;
    }
}
