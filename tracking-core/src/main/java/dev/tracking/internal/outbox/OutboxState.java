package dev.tracking.internal.outbox;

import dev.tracking.Message;
import dev.tracking.internal.delivery.ListenerChain;
import dev.tracking.outbox.Outbox;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/** {@link Outbox} over the table: counts read the database at each call. */
final class OutboxState implements Outbox {

    @FunctionalInterface
    private interface Read<T> {
        T run() throws SQLException;
    }

    private final OutboxStore store;
    private final Set<String> destinations;
    private final LongAdder notDurable;
    private final LongAdder writtenLate;
    private final ListenerChain listeners;

    OutboxState(OutboxStore store, Set<String> destinations, LongAdder notDurable, LongAdder writtenLate,
            ListenerChain listeners) {
        this.store = store;
        this.destinations = Set.copyOf(destinations);
        this.notDurable = notDurable;
        this.writtenLate = writtenLate;
        this.listeners = listeners;
    }

    @Override
    public Set<String> destinations() {
        return destinations;
    }

    @Override
    public long pending(String destination) {
        return read(destination, () -> store.pending(destination));
    }

    @Override
    public long failed(String destination) {
        return read(destination, () -> store.failed(destination));
    }

    @Override
    public long notDurable() {
        return notDurable.sum();
    }

    @Override
    public long writtenLate() {
        return writtenLate.sum();
    }

    /** A replay accepts the rows again: stats count them as pending once more, so listeners hear of them too. */
    @Override
    public int replayFailed(String destination) {
        List<String> replayed = read(destination, () -> store.replayFailed(destination));
        for (String payload : replayed) {
            Message message;
            try {
                message = OutboxCodec.decode(payload);
            } catch (RuntimeException e) {
                continue; // the relay fails it again as undecodable; listeners cannot be handed a message
            }
            listeners.onAccepted(destination, message);
        }
        return replayed.size();
    }

    private <T> T read(String destination, Read<T> read) {
        if (destination == null || !destinations.contains(destination)) {
            throw new IllegalArgumentException("destination must be one of " + destinations.stream().sorted().toList()
                    + ", was " + destination);
        }
        try {
            return read.run();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox: the table cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Outbox" + destinations.stream().sorted().toList();
    }
}
