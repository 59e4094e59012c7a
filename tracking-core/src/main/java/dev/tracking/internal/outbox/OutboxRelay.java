package dev.tracking.internal.outbox;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Message;
import dev.tracking.OverflowPolicy;
import dev.tracking.internal.delivery.BatchDelivery;
import dev.tracking.internal.delivery.DeliveryCounters;
import dev.tracking.internal.delivery.DeliveryQueue;
import dev.tracking.internal.delivery.FailureLog;
import dev.tracking.internal.delivery.ListenerChain;
import dev.tracking.internal.delivery.MessageSize;
import dev.tracking.internal.delivery.RequestGroups;
import dev.tracking.internal.delivery.SenderSlot;
import dev.tracking.internal.delivery.ThreadStop;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.spi.Destination;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one destination's rows from the outbox on a daemon thread of its own: claims the oldest due rows (up
 * to a few requests' worth, so that the claim and the delete are paid once for several requests), sends them one
 * request at a time through the same {@link BatchDelivery} as the memory queue (retries, counters, listeners),
 * then deletes the delivered rows, marks the failed ones and releases the rest (those a close left unsent too).
 * Woken at once by this tracker's commits, it polls for other instances' rows every poll interval and purges old
 * failed rows now and then.
 */
final class OutboxRelay {

    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int REQUESTS_PER_CLAIM = 5;
    private static final int MAX_CLAIM = 1000;

    private final String name;
    private final OutboxStore store;
    private final OutboxOptions options;
    private final int batchSize;
    private final long batchBytes;
    private final int claimSize;
    private final long leaseNanos;
    private final long deliveryTimeoutNanos;
    private final DeliveryCounters counters;
    private final DeliveryQueue closeSignal;
    private final SenderSlot slot = new SenderSlot();
    private final RelayOutcomes outcomes;
    private final RequestGroups groups;
    private final OutboxFlushes flushes = new OutboxFlushes();
    private final RelayWakeup wakeup = new RelayWakeup();
    private final Outage outage;
    private final Thread thread;
    private volatile long tablePending;
    private volatile boolean wroteRows;
    private ClaimedBatch unsettled;
    private long countedAt;
    private long purgedAt;

    OutboxRelay(Destination destination, OutboxStore store, OutboxOptions options, DeliveryOptions delivery,
            ListenerChain listeners, Clock clock) {
        this.name = destination.name();
        this.store = store;
        this.options = options;
        this.leaseNanos = options.lease().toNanos();
        this.deliveryTimeoutNanos = delivery.retry().deliveryTimeout().toNanos();
        this.batchSize = Math.max(1, Math.min(delivery.maxBatchSize(), destination.maxBatchSize()));
        this.batchBytes = delivery.maxBatchBytes();
        this.claimSize = Math.max(batchSize, Math.min(MAX_CLAIM, batchSize * REQUESTS_PER_CLAIM));
        this.counters = new DeliveryCounters(clock);
        this.closeSignal = new DeliveryQueue(1, OverflowPolicy.DROP_NEWEST, 1, 1, Long.MAX_VALUE, 1);
        this.outcomes = new RelayOutcomes(listeners);
        BatchDelivery batches = new BatchDelivery(destination, counters, new ListenerChain(List.of(outcomes)),
                closeSignal, delivery.retry(),
                new FailureLog(name, true));
        this.groups = new RequestGroups(destination, batches);
        this.outage = new Outage("outbox sending for " + name);
        this.thread = new Thread(this::run, "tracking-outbox-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** New rows are due (this tracker committed them): claim at once. */
    void wake() {
        wroteRows = true;
        wakeup.signal();
    }

    /** Whether this tracker has committed rows of this destination since it started. */
    boolean wroteRows() {
        return wroteRows;
    }

    /** A future completing once the rows numbered up to {@code target} are settled ({@code -1}: read it first). */
    CompletableFuture<Void> flush(long target) {
        CompletableFuture<Void> future = flushes.add(target);
        wakeup.signal();
        return future;
    }

    /** Rows of this destination pending in the table, as last counted. */
    long tablePending() {
        return tablePending;
    }

    void tablePending(long count) {
        tablePending = count;
    }

    String name() {
        return name;
    }

    DestinationStats counters() {
        return counters.snapshot(name);
    }

    private void run() {
        long pollNanos = options.pollInterval().toNanos();
        while (!wakeup.stopping()) {
            boolean more = false;
            try {
                if (unsettled != null) {
                    settle(unsettled);
                }
                purgeNowAndThen();
                long claimedAt = System.nanoTime();
                List<StoredRow> rows = store.claim(name, options.instanceId(), claimSize, options.lease());
                if (!rows.isEmpty()) {
                    deliver(rows, claimedAt);
                }
                more = rows.size() == claimSize;
                if (!more || System.nanoTime() - countedAt > pollNanos) {
                    countPending();
                }
                settleFlushes();
                outage.succeeded();
            } catch (SQLException | RuntimeException | Error e) {
                outage.failed(e, "rows wait in the table and are tried again every poll interval");
            }
            if (!more && !wakeup.await(pollNanos)) {
                break;
            }
        }
        flushes.completeAll();
        leaveTheTable();
    }

    /**
     * Settles the last batch if the database refused it, and gives up this instance's other claims of the
     * destination, so that the next start sends the rows at once. A close that interrupted a wait does not stop this:
     * when the database hangs, this thread waits for it after close() returned.
     */
    private void leaveTheTable() {
        Thread.interrupted();
        try {
            if (unsettled != null) {
                settle(unsettled);
            }
            store.releaseAll(options.instanceId(), name);
        } catch (SQLException | RuntimeException e) {
            outage.failed(e, "this instance's claims expire after the lease");
        }
    }

    private void deliver(List<StoredRow> rows, long claimedAt) throws SQLException {
        ClaimedBatch batch = new ClaimedBatch(rows);
        if (batch.undecodable() > 0) {
            counters.failed("undecodable", batch.undecodable());
        }
        outcomes.begin();
        List<List<Message>> requests = requests(batch.messages);
        // A request begins only if it can end (delivery timeout) before the lease does, and not once closing; the
        // rows of the requests not begun are released, for this or another instance to claim again.
        for (int i = 0; i < requests.size() && (i == 0 || (!wakeup.stopping()
                && System.nanoTime() - claimedAt + deliveryTimeoutNanos < leaseNanos)); i++) {
            List<Message> request = requests.get(i);
            slot.begin(request);
            try {
                groups.deliver(slot, request);
            } catch (RuntimeException | Error e) {
                outage.failed(e, "the rows not yet settled are released and sent again");
            }
        }
        batch.settle(outcomes);
        settle(batch);
    }

    /**
     * {@code messages} cut, in order, into requests of at most the batch size and {@code maxBatchBytes}, as the memory
     * queue cuts them (a message larger on its own goes alone): a claim holds several requests' worth of rows.
     */
    private List<List<Message>> requests(List<Message> messages) {
        List<List<Message>> requests = new ArrayList<>();
        if (messages.isEmpty()) {
            return requests;
        }
        List<Message> request = new ArrayList<>();
        long bytes = 0;
        for (Message message : messages) {
            int size = MessageSize.estimate(message);
            if (!request.isEmpty() && (request.size() == batchSize || bytes + size > batchBytes)) {
                requests.add(request);
                request = new ArrayList<>();
                bytes = 0;
            }
            request.add(message);
            bytes += size;
        }
        requests.add(request);
        return requests;
    }

    /** Deletes, marks and releases the rows of {@code batch}; kept to try again while the database refuses. */
    private void settle(ClaimedBatch batch) throws SQLException {
        unsettled = batch;
        store.delete(batch.delivered);
        store.markFailed(batch.failed);
        store.release(options.instanceId(), batch.unsettled);
        unsettled = null;
    }

    private void countPending() throws SQLException {
        tablePending = store.pending(name);
        countedAt = System.nanoTime();
    }

    private void settleFlushes() throws SQLException {
        if (flushes.isEmpty()) {
            return;
        }
        flushes.resolveUnknown(store.lastSeq(name));
        long target = flushes.lowestTarget();
        while (target >= 0 && store.pendingUpTo(name, target) == 0) {
            countPending();
            flushes.completeUpTo(target);
            target = flushes.lowestTarget();
        }
    }

    private void purgeNowAndThen() throws SQLException {
        long now = System.nanoTime();
        if (purgedAt == 0 || now - purgedAt > PURGE_EVERY_NANOS) {
            purgedAt = now | 1;
            store.purgeFailed(options.retention());
        }
    }

    /** Stops claiming; a batch in flight stops retrying at {@code deadlineNanos}, and its unsent rows are released. */
    void beginClose(long deadlineNanos) {
        closeSignal.beginClose(deadlineNanos);
        wakeup.stop();
    }

    /**
     * Waits for the thread until {@code deadlineNanos}, then interrupts it; returns whether it stopped. The flushes
     * waiting on this relay complete whatever happens, an interrupt of the closing thread included.
     */
    boolean awaitClosed(long deadlineNanos) throws InterruptedException {
        try {
            return ThreadStop.joinOrInterrupt(thread, deadlineNanos);
        } finally {
            flushes.completeAll();
        }
    }
}
