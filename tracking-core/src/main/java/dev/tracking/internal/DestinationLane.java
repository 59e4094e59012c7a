package dev.tracking.internal;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.spi.Destination;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's pipeline: its bounded queue, counters, and the daemon sender thread that batches the queue
 * and delivers it. Callers only enqueue; all I/O happens on the sender thread.
 */
final class DestinationLane {

    private static final Logger log = LoggerFactory.getLogger(DestinationLane.class);
    private static final long STUCK_SENDER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Destination destination;
    private final String name;
    private final DeliveryQueue queue;
    private final DeliveryCounters counters;
    private final ListenerChain listeners;
    private final BatchDelivery delivery;
    private final int batchSize;
    private final long batchBytes;
    private final Thread sender;

    DestinationLane(Destination destination, DeliveryOptions options, ListenerChain listeners, Clock clock) {
        this.destination = destination;
        this.name = destination.name();
        this.batchSize = Math.max(1, Math.min(options.maxBatchSize(), destination.maxBatchSize()));
        this.batchBytes = options.maxBatchBytes();
        this.queue = new DeliveryQueue(options.queueCapacity(), options.overflow(), batchSize, batchBytes,
                options.flushInterval().toNanos());
        this.counters = new DeliveryCounters(clock);
        this.listeners = listeners;
        this.delivery = new BatchDelivery(destination, counters, listeners, queue, options.retry());
        this.sender = new Thread(this::runSender, "tracking-sender-" + name);
        this.sender.setDaemon(true);
    }

    Destination destination() {
        return destination;
    }

    void start() {
        sender.start();
    }

    /** Enqueues {@code message} (caller thread); a full queue drops by the overflow policy, counted. */
    void accept(Message message, int size) {
        counters.accepted();
        if (!listeners.isEmpty()) {
            listeners.onAccepted(name, message);
        }
        Message dropped = queue.offer(message, size);
        if (dropped != null) {
            drop(dropped, dropped == message && queue.isSealed() ? "shutdown" : "queue_full");
        }
    }

    /** Counts {@code message} as accepted and at once dropped, because this destination does not take it. */
    void skip(Message message, String reason) {
        counters.accepted();
        if (!listeners.isEmpty()) {
            listeners.onAccepted(name, message);
        }
        drop(message, reason);
    }

    CompletableFuture<Void> flush() {
        return queue.barrier();
    }

    long pending() {
        return counters.pending();
    }

    DestinationStats stats() {
        return counters.snapshot(name);
    }

    void beginClose(long deadlineNanos) {
        queue.beginClose(deadlineNanos);
    }

    /** Waits for the sender to drain until {@code deadlineNanos}, then stops it and fails what is left. */
    void awaitClosed(long deadlineNanos) {
        if (Thread.currentThread() != sender) {
            try {
                joinUntil(deadlineNanos);
                if (sender.isAlive()) {
                    sender.interrupt();
                    joinUntil(System.nanoTime() + STUCK_SENDER_GRACE_NANOS);
                }
                if (sender.isAlive()) {
                    log.warn("{}: the sender thread did not stop in time; its batch in flight stays pending", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failRemaining();
        closeDestination();
    }

    private void joinUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.timedJoin(sender, remaining);
        }
    }

    private void runSender() {
        try {
            while (true) {
                List<Message> batch = new ArrayList<>(batchSize);
                if (!queue.takeBatch(batch, batchSize, batchBytes)) {
                    break;
                }
                try {
                    deliverByRequestGroup(batch);
                } finally {
                    queue.batchDone();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("{}: the sender thread stopped unexpectedly", name, e);
        } finally {
            failRemaining();
        }
    }

    private void deliverByRequestGroup(List<Message> batch) {
        int firstGroup = groupOf(batch.get(0));
        int split = 1;
        while (split < batch.size() && groupOf(batch.get(split)) == firstGroup) {
            split++;
        }
        if (split == batch.size()) {
            delivery.deliver(batch);
            return;
        }
        List<Message> sameGroup = new ArrayList<>(batch.subList(0, split));
        List<Message> others = new ArrayList<>();
        for (Message message : batch.subList(split, batch.size())) {
            (groupOf(message) == firstGroup ? sameGroup : others).add(message);
        }
        delivery.deliver(sameGroup);
        deliverByRequestGroup(others);
    }

    private int groupOf(Message message) {
        try {
            return destination.requestGroup(message);
        } catch (RuntimeException e) {
            log.debug("{}: requestGroup threw; using group 0", name, e);
            return 0;
        }
    }

    private void failRemaining() {
        List<Message> rest = queue.sealAndDrain();
        delivery.fail(rest, Failure.of("shutdown", "the tracker closed before these messages could be sent"));
        queue.releaseBarriers();
    }

    private void closeDestination() {
        try {
            destination.close();
        } catch (RuntimeException e) {
            log.warn("{}: closing the destination failed", name, e);
        }
    }

    private void drop(Message message, String reason) {
        counters.dropped(reason);
        if (!listeners.isEmpty()) {
            listeners.onDropped(name, message, reason);
        }
    }
}
