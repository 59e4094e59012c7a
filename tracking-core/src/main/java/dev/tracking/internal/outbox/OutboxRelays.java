package dev.tracking.internal.outbox;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.internal.delivery.DestinationLane;
import dev.tracking.internal.delivery.ListenerChain;
import dev.tracking.outbox.OutboxOptions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link OutboxRelay}s of one tracker, one per covered destination, and what is asked of them together. */
final class OutboxRelays {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelays.class);

    private final Map<String, OutboxRelay> relays = new LinkedHashMap<>();
    private final OutboxStore store;
    private final OutboxCounter counter;

    OutboxRelays(List<DestinationLane> covered, OutboxStore store, OutboxOptions options, DeliveryOptions delivery,
            ListenerChain listeners, Clock clock) {
        this.store = store;
        for (DestinationLane lane : covered) {
            relays.put(lane.destination().name(),
                    new OutboxRelay(lane.destination(), store, options, delivery, listeners, clock));
        }
        this.counter = new OutboxCounter(store, relays.values(), options.pollInterval().toNanos());
    }

    Set<String> destinations() {
        return relays.keySet();
    }

    void start() {
        relays.values().forEach(OutboxRelay::start);
        counter.start();
    }

    /** Wakes the relays of the destinations of {@code rows}, just committed. */
    void wake(List<PendingRow> rows) {
        String last = null;
        for (PendingRow row : rows) {
            if (!row.destination().equals(last)) {
                last = row.destination();
                OutboxRelay relay = relays.get(last);
                if (relay != null) {
                    relay.wake();
                }
            }
        }
    }

    /** The stats of covered {@code lane}: its memory queue's counters with the outbox's. */
    DestinationStats stats(DestinationLane lane) {
        OutboxRelay relay = relays.get(lane.destination().name());
        return OutboxLaneStats.combine(lane.stats(), relay.counters(), relay.tablePending());
    }

    /** Rows pending in the table over every covered destination, as last counted. */
    long tablePending() {
        long total = 0;
        for (OutboxRelay relay : relays.values()) {
            total += relay.tablePending();
        }
        return total;
    }

    /**
     * Completes once the rows written before this call are settled, by any instance. While the table cannot be read,
     * a destination this tracker wrote no rows for has nothing to wait for.
     */
    CompletableFuture<Void> flush() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        relays.forEach((name, relay) -> {
            long last = lastSeq(name);
            // the table cannot be read: nothing to wait for unless this tracker committed rows there
            if (last >= 0 || relay.wroteRows()) {
                futures.add(relay.flush(last));
            }
        });
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
    }

    private long lastSeq(String destination) {
        try {
            return store.lastSeq(destination);
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    void beginClose(long deadlineNanos) {
        relays.values().forEach(relay -> relay.beginClose(deadlineNanos));
        counter.beginClose();
    }

    /**
     * Waits for the relays until {@code deadlineNanos} (and a short grace): each gives up its claims as it stops, so
     * that the rows it did not send wait for the next start. Never waits for the database itself.
     */
    void awaitClosed(long deadlineNanos) {
        boolean interrupted = false;
        for (Map.Entry<String, OutboxRelay> relay : relays.entrySet()) {
            boolean stopped;
            try {
                // once the closing thread is interrupted, every relay is stopped without waiting for the deadline
                stopped = relay.getValue().awaitClosed(interrupted ? System.nanoTime() : deadlineNanos);
            } catch (InterruptedException e) {
                interrupted = true;
                stopped = stopWithoutWaiting(relay.getValue());
            }
            if (!stopped) {
                log.warn("outbox: the sender thread of {} did not stop in time", relay.getKey());
            }
        }
        try {
            counter.awaitClosed(interrupted ? System.nanoTime() : deadlineNanos);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts {@code relay}'s thread at once (a short grace to stop); whether it stopped. */
    private static boolean stopWithoutWaiting(OutboxRelay relay) {
        try {
            return relay.awaitClosed(System.nanoTime());
        } catch (InterruptedException again) {
            return false;
        }
    }
}
