package dev.tracking.internal.outbox;

import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.TrackingListener;
import dev.tracking.internal.delivery.BatchDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What became of each message of the outbox batch being delivered, as {@link BatchDelivery} reports it, passed on
 * to the tracker's listeners. A message cut short by the tracker closing ({@code shutdown}) is neither: its row is
 * released for the next start, so the listeners do not hear of it.
 */
final class RelayOutcomes implements TrackingListener {

    private final TrackingListener listeners;
    private final Set<UUID> delivered = new HashSet<>();
    private final Map<UUID, Failure> failed = new HashMap<>();

    RelayOutcomes(TrackingListener listeners) {
        this.listeners = listeners;
    }

    /** Forgets the outcomes of the previous batch. */
    synchronized void begin() {
        delivered.clear();
        failed.clear();
    }

    synchronized boolean delivered(UUID id) {
        return delivered.contains(id);
    }

    /** The failure that settled message {@code id} for good, or {@code null}. */
    synchronized Failure failed(UUID id) {
        return failed.get(id);
    }

    static boolean isShutdown(Failure failure) {
        return "shutdown".equals(failure.reason());
    }

    @Override
    public void onDelivered(String destination, List<? extends Message> messages) {
        synchronized (this) {
            messages.forEach(m -> delivered.add(m.id()));
        }
        listeners.onDelivered(destination, messages);
    }

    @Override
    public void onFailed(String destination, List<? extends Message> messages, Failure failure) {
        if (isShutdown(failure)) {
            return;
        }
        synchronized (this) {
            messages.forEach(m -> failed.put(m.id(), failure));
        }
        listeners.onFailed(destination, new ArrayList<>(messages), failure);
    }

    @Override
    public void onBatchSent(String destination, int size, Duration elapsed, String outcome) {
        listeners.onBatchSent(destination, size, elapsed, outcome);
    }
}
