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
 * One destination's pipeline: its bounded queue, counters, and the daemon sender threads that batch the queue and
 * deliver it (one per request the destination takes at once, {@link Destination#maxConcurrentSends()}, at most
 * {@value #MAX_SENDERS}). Callers only enqueue; all I/O happens on the sender threads.
 */
final class DestinationLane {

    private static final Logger log = LoggerFactory.getLogger(DestinationLane.class);
    private static final long STUCK_SENDER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final int MAX_SENDERS = 2;

    private final Destination destination;
    private final String name;
    private final DeliveryQueue queue;
    private final DeliveryCounters counters;
    private final ListenerChain listeners;
    private final BatchDelivery delivery;
    private final int batchSize;
    private final long batchBytes;
    private final Thread[] senders;

    DestinationLane(Destination destination, DeliveryOptions options, ListenerChain listeners, Clock clock) {
        this.destination = destination;
        this.name = destination.name();
        this.batchSize = Math.max(1, Math.min(options.maxBatchSize(), destination.maxBatchSize()));
        this.batchBytes = options.maxBatchBytes();
        int senderCount = Math.max(1, Math.min(MAX_SENDERS, destination.maxConcurrentSends()));
        this.queue = new DeliveryQueue(options.queueCapacity(), options.overflow(), batchSize, batchBytes,
                options.flushInterval().toNanos(), senderCount);
        this.counters = new DeliveryCounters(clock);
        this.listeners = listeners;
        this.delivery = new BatchDelivery(destination, counters, listeners, queue, options.retry());
        this.senders = new Thread[senderCount];
        for (int i = 0; i < senderCount; i++) {
            int index = i;
            senders[i] = new Thread(() -> runSender(index), "tracking-sender-" + name + (i == 0 ? "" : "-" + i));
            senders[i].setDaemon(true);
        }
    }

    Destination destination() {
        return destination;
    }

    void start() {
        for (Thread sender : senders) {
            sender.start();
        }
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

    /** Waits for the senders to drain until {@code deadlineNanos}, then stops them and fails what is left. */
    void awaitClosed(long deadlineNanos) {
        if (!isSender(Thread.currentThread())) {
            try {
                for (Thread sender : senders) {
                    joinUntil(sender, deadlineNanos);
                }
                long graceDeadline = System.nanoTime() + STUCK_SENDER_GRACE_NANOS;
                for (Thread sender : senders) {
                    if (sender.isAlive()) {
                        sender.interrupt();
                        joinUntil(sender, graceDeadline);
                    }
                    if (sender.isAlive()) {
                        log.warn("{}: a sender thread did not stop in time; its batch in flight stays pending", name);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failRemaining(queue.sealAndDrain());
        queue.releaseBarriers(true);
        closeDestination();
    }

    private boolean isSender(Thread thread) {
        for (Thread sender : senders) {
            if (sender == thread) {
                return true;
            }
        }
        return false;
    }

    private static void joinUntil(Thread sender, long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.timedJoin(sender, remaining);
        }
    }

    private void runSender(int index) {
        try {
            while (true) {
                List<Message> batch = new ArrayList<>(batchSize);
                if (!queue.takeBatch(index, batch, batchSize, batchBytes)) {
                    break;
                }
                try {
                    deliverByRequestGroup(batch);
                } finally {
                    queue.batchDone(index);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("{}: the sender thread stopped unexpectedly", name, e);
        } finally {
            failRemaining(queue.sealAndDrain());
            queue.releaseBarriers(false);
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

    private void failRemaining(List<Message> rest) {
        delivery.fail(rest, Failure.of("shutdown", "the tracker closed before these messages could be sent"));
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
