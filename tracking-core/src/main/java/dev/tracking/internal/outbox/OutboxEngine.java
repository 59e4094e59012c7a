package dev.tracking.internal.outbox;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Message;
import dev.tracking.internal.delivery.DestinationLane;
import dev.tracking.internal.delivery.ListenerChain;
import dev.tracking.outbox.Outbox;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.TransactionalOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox of one tracker: takes the messages of the destinations it covers on the caller's
 * thread (into the caller's transaction when {@code OutboxTransactions} joins one, else through the group-commit
 * {@link OutboxWriter}, else, when the database does not take them in time, into the lane's memory queue, counted
 * not durable), and owns the writer and one {@link OutboxRelay} per covered destination.
 */
public final class OutboxEngine implements TransactionalOutbox {

    private static final Logger log = LoggerFactory.getLogger(OutboxEngine.class);

    private final OutboxOptions options;
    private final OutboxStore store;
    private final OutboxWriter writer;
    private final OutboxRelays relays;
    private final ListenerChain listeners;
    private final Clock clock;
    private final LongAdder notDurable = new LongAdder();
    private final LongAdder writtenLate = new LongAdder();
    private final AtomicBoolean joinWarned = new AtomicBoolean();
    private final OutboxState state;

    public OutboxEngine(OutboxOptions options, List<DestinationLane> covered, DeliveryOptions delivery,
            ListenerChain listeners, Clock clock) {
        this.options = options;
        this.listeners = listeners;
        this.clock = clock;
        this.store = OutboxStore.create(options.dataSource(), clock);
        this.relays = new OutboxRelays(covered, store, options, delivery, listeners, clock);
        this.writer = new OutboxWriter(store, options.writeTimeout().toNanos(), relays::wake, this::settledLate);
        this.state = new OutboxState(store, relays.destinations(), notDurable, writtenLate, listeners);
    }

    public void start() {
        writer.start();
        relays.start();
    }

    /** The table's state, for {@code Tracker.outbox()}. */
    public Outbox state() {
        return state;
    }

    public boolean covers(String destination) {
        return relays.destinations().contains(destination);
    }

    /** Takes {@code message} for {@code lanes} (covered destinations that take it), on the caller's thread. */
    public void accept(Message message, int size, List<DestinationLane> lanes) {
        String payload;
        try {
            payload = OutboxCodec.encode(message);
        } catch (RuntimeException e) {
            log.warn("outbox: message {} cannot be stored; sending it from memory", message.id(), e);
            notDurable.increment();
            lanes.forEach(lane -> lane.accept(message, size));
            return;
        }
        long now = clock.millis();
        List<PendingRow> own = new ArrayList<>(lanes.size());
        for (DestinationLane lane : lanes) {
            PendingRow row = new PendingRow(lane.destination().name(), message, payload, now);
            if (!joined(row)) {
                own.add(row);
            }
        }
        if (own.isEmpty()) {
            return;
        }
        OutboxWriter.Result result = writer.write(own);
        if (result == OutboxWriter.Result.WRITTEN) {
            own.forEach(row -> listeners.onAccepted(row.destination(), message));
            return;
        }
        if (result == OutboxWriter.Result.NOT_WRITTEN) {
            notDurable.increment();
        }
        // UNKNOWN: sent from memory now; settledLate counts the outcome once the writer's thread knows it
        for (DestinationLane lane : lanes) {
            if (own.stream().anyMatch(row -> row.destination().equals(lane.destination().name()))) {
                lane.accept(message, size);
            }
        }
    }

    /**
     * A request whose caller stopped waiting settled: committed, its rows are accepted a second time (they are in
     * the table besides the memory copy, so delivered twice with the same id); else the memory copy was the only
     * one, not durable.
     */
    private void settledLate(List<PendingRow> rows, boolean committed) {
        if (!committed) {
            notDurable.increment();
            return;
        }
        writtenLate.increment();
        rows.forEach(row -> listeners.onAccepted(row.destination(), row.message()));
    }

    private boolean joined(PendingRow row) {
        try {
            return options.transactions().join(row, this);
        } catch (RuntimeException e) {
            if (joinWarned.compareAndSet(false, true)) {
                log.warn("outbox: OutboxTransactions.join threw; writing the row on its own (logged once)", e);
            }
            return false;
        }
    }

    @Override
    public void write(Connection connection, List<OutboxRow> rows) throws SQLException {
        List<PendingRow> own = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            if (!(row instanceof PendingRow pending) || !covers(row.destination())) {
                throw new IllegalArgumentException("rows must be the rows this outbox handed to join, was " + row);
            }
            own.add(pending);
        }
        store.insert(connection, own);
    }

    @Override
    public void committed(List<OutboxRow> rows) {
        List<PendingRow> own = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            if (row instanceof PendingRow pending) {
                listeners.onAccepted(pending.destination(), pending.message());
                own.add(pending);
            }
        }
        relays.wake(own);
    }

    /** The stats of covered {@code lane}: its memory queue's counters with the outbox's. */
    public DestinationStats stats(DestinationLane lane) {
        return relays.stats(lane);
    }

    /** Rows pending in the table over every covered destination, as last counted. */
    public long tablePending() {
        return relays.tablePending();
    }

    /** Completes once the rows written before this call are settled, by any instance. */
    public CompletableFuture<Void> flush() {
        return relays.flush();
    }

    /** Stops the relays claiming, and the writer once it wrote what waits. */
    public void beginClose(long deadlineNanos) {
        relays.beginClose(deadlineNanos);
        try {
            writer.close(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the relays; the rows they did not send stay in the table, unclaimed, for the next start. */
    public void awaitClosed(long deadlineNanos) {
        relays.awaitClosed(deadlineNanos);
    }
}
