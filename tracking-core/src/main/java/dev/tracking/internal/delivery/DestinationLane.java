package dev.tracking.internal.delivery;

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
public final class DestinationLane {

    private static final Logger log = LoggerFactory.getLogger(DestinationLane.class);
    private static final long RESTART_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final int MAX_SENDERS = 2;

    private final Destination destination;
    private final String name;
    private final DeliveryQueue queue;
    private final DeliveryCounters counters;
    private final ListenerChain listeners;
    private final BatchDelivery delivery;
    private final RequestGroups groups;
    private final int batchSize;
    private final long batchBytes;
    private final Thread[] senders;
    private final SenderSlot[] slots;
    private boolean closing;

    public DestinationLane(Destination destination, DeliveryOptions options, ListenerChain listeners, Clock clock) {
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
        this.groups = new RequestGroups(destination, delivery);
        this.senders = new Thread[senderCount];
        this.slots = new SenderSlot[senderCount];
        for (int i = 0; i < senderCount; i++) {
            slots[i] = new SenderSlot();
            senders[i] = newSender(i, false);
        }
    }

    private Thread newSender(int index, boolean restarted) {
        Thread thread = new Thread(() -> runSender(index, restarted),
                "tracking-sender-" + name + (index == 0 ? "" : "-" + index));
        thread.setDaemon(true);
        return thread;
    }

    public Destination destination() {
        return destination;
    }

    public synchronized void start() {
        for (Thread sender : senders) {
            sender.start();
        }
    }

    /** Enqueues {@code message} (caller thread); a full queue drops by the overflow policy, counted. */
    public void accept(Message message, int size) {
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
    public void skip(Message message, String reason) {
        counters.accepted();
        if (!listeners.isEmpty()) {
            listeners.onAccepted(name, message);
        }
        drop(message, reason);
    }

    public CompletableFuture<Void> flush() {
        return queue.barrier();
    }

    public long pending() {
        return counters.pending();
    }

    /** The counters, with {@code credentialsRejected} also set when the destination learned so outside sending. */
    public DestinationStats stats() {
        DestinationStats s = counters.snapshot(name);
        if (s.credentialsRejected() || !destination.credentialsRejected()) {
            return s;
        }
        return s.toBuilder().credentialsRejected(true).build();
    }

    public void beginClose(long deadlineNanos) {
        synchronized (this) {
            closing = true;
        }
        queue.beginClose(deadlineNanos);
    }

    private synchronized Thread sender(int index) {
        return senders[index];
    }

    /** Waits for the senders to drain until {@code deadlineNanos}, then stops them and fails what is left. */
    public void awaitClosed(long deadlineNanos) {
        if (!isSender(Thread.currentThread())) {
            try {
                for (int i = 0; i < senders.length; i++) {
                    ThreadStop.joinUntil(sender(i), deadlineNanos);
                }
                long graceDeadline = System.nanoTime() + ThreadStop.GRACE_NANOS;
                for (int i = 0; i < senders.length; i++) {
                    if (!ThreadStop.interruptAndJoinUntil(sender(i), graceDeadline)) {
                        List<Message> abandoned = slots[i].abandon();
                        log.warn("{}: a sender thread did not stop in time; {} message(s) of its request count as "
                                + "failed (shutdown)", name, abandoned.size());
                        delivery.fail(abandoned, Failure.of("shutdown",
                                "the tracker closed while this request was still running"));
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

    private synchronized boolean isSender(Thread thread) {
        for (Thread sender : senders) {
            if (sender == thread) {
                return true;
            }
        }
        return false;
    }

    private void runSender(int index, boolean restarted) {
        Throwable unexpected = null;
        try {
            if (restarted) {
                queue.pause(RESTART_PAUSE_NANOS);
            }
            while (true) {
                List<Message> batch = new ArrayList<>(batchSize);
                if (!queue.takeBatch(index, batch, batchSize, batchBytes)) {
                    break;
                }
                SenderSlot slot = slots[index];
                slot.begin(batch);
                try {
                    groups.deliver(slot, batch);
                } catch (RuntimeException | Error e) {
                    failUnsettled(slot, e);
                    if (e instanceof VirtualMachineError) {
                        throw e;
                    }
                } finally {
                    queue.batchDone(index);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            unexpected = e;
        }
        if (unexpected != null && restart(index, unexpected)) {
            return;
        }
        failRemaining(queue.sealAndDrain());
        queue.releaseBarriers(false);
    }

    /**
     * Counts what is left of a batch whose delivery threw past {@link BatchDelivery}, so that nothing is lost. After
     * a {@link VirtualMachineError} (a stack overflow, no memory) the thread itself is then replaced.
     */
    private void failUnsettled(SenderSlot slot, Throwable error) {
        List<Message> rest = slot.abandon();
        log.error("{}: delivering a batch failed unexpectedly; {} message(s) of it not yet counted count as failed "
                + "(send_error)", name, rest.size(), error);
        delivery.fail(rest, Failure.of("send_error", "delivery failed unexpectedly: " + error));
    }

    /** Replaces the sender thread {@code index}, which stopped unexpectedly, unless the tracker is closing. */
    private boolean restart(int index, Throwable error) {
        synchronized (this) {
            if (closing) {
                log.error("{}: a sender thread stopped unexpectedly while closing", name, error);
                return false;
            }
            counters.senderRestarted();
            log.error("{}: a sender thread stopped unexpectedly; starting a new one", name, error);
            senders[index] = newSender(index, true);
            senders[index].start();
            return true;
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
