package dev.tracking.internal.outbox;

import dev.tracking.internal.delivery.ThreadStop;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Counts each covered destination's pending rows every poll interval on a daemon thread of its own, so that stats
 * follow the table (rows of this and other instances) also while a relay waits for a slow destination.
 */
final class OutboxCounter {

    private final OutboxStore store;
    private final Collection<OutboxRelay> relays;
    private final long intervalNanos;
    private final RelayWakeup wakeup = new RelayWakeup();
    private final Outage outage = new Outage("outbox counting");
    private final Thread thread;

    OutboxCounter(OutboxStore store, Collection<OutboxRelay> relays, long intervalNanos) {
        this.store = store;
        this.relays = relays;
        this.intervalNanos = intervalNanos;
        this.thread = new Thread(this::run, "tracking-outbox-counter");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        do {
            try {
                for (OutboxRelay relay : relays) {
                    relay.tablePending(store.pending(relay.name()));
                }
                outage.succeeded();
            } catch (SQLException | RuntimeException e) {
                outage.failed(e, "stats keep the last count");
            }
        } while (wakeup.await(intervalNanos));
    }

    void beginClose() {
        wakeup.stop();
    }

    /** Waits for the thread until {@code deadlineNanos}, then interrupts it (a count the database holds up). */
    void awaitClosed(long deadlineNanos) throws InterruptedException {
        ThreadStop.joinOrInterrupt(thread, deadlineNanos);
    }
}
