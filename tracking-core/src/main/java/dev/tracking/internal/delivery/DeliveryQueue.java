package dev.tracking.internal.delivery;

import dev.tracking.Message;
import dev.tracking.OverflowPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the callers and one destination's sender threads, with the bookkeeping that makes
 * {@code flush()} a barrier: messages are numbered in order, and a barrier completes once every message
 * numbered before it has left the queue and is no longer in flight. Each of the lane's senders (numbered from 0)
 * has at most one batch in flight.
 *
 * <p>This is the seam between "accepted" and "sent": a durable log can later take its place.
 */
public final class DeliveryQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition closingStarted = lock.newCondition();
    private final MessageRing ring;
    private final OverflowPolicy overflow;
    private final int wakeCount;
    private final long wakeBytes;
    private final long intervalNanos;
    private final FlushBarriers barriers = new FlushBarriers();

    private final long[] inFlightStarts;
    private long flushTarget;
    private long oldestEnqueuedNanos;
    private int sendersWaiting;
    private boolean closing;
    private long closeDeadlineNanos;
    private volatile boolean sealed;

    public DeliveryQueue(int capacity, OverflowPolicy overflow, int batchSize, long batchBytes, long intervalNanos,
            int senders) {
        this.ring = new MessageRing(capacity);
        this.inFlightStarts = new long[senders];
        Arrays.fill(inFlightStarts, -1);
        this.overflow = overflow;
        this.wakeCount = Math.min(batchSize, capacity);
        this.wakeBytes = batchBytes;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Adds {@code message}; returns the message dropped to respect the capacity ({@code message} itself or the
     * evicted oldest one), or {@code null} when nothing was dropped.
     */
    Message offer(Message message, int size) {
        lock.lock();
        try {
            if (sealed) {
                return message;
            }
            Message evicted = null;
            if (ring.isFull()) {
                if (overflow == OverflowPolicy.DROP_NEWEST) {
                    return message;
                }
                evicted = ring.removeHead();
            }
            if (ring.count() == 0) {
                oldestEnqueuedNanos = System.nanoTime();
            }
            ring.add(message, size);
            if (sendersWaiting > 0 && (ring.count() >= wakeCount || ring.bytes() >= wakeBytes)) {
                workAvailable.signal();
            }
            return evicted;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue refuses new messages because its tracker has closed. */
    boolean isSealed() {
        return sealed;
    }

    /**
     * Waits until a batch is due (full, flush requested, interval elapsed, or closing) and moves it into
     * {@code batch} as the batch in flight of sender {@code sender}; returns {@code false} when that sender should
     * stop (closing and empty, or past the deadline).
     */
    boolean takeBatch(int sender, List<Message> batch, int maxCount, long maxBytes) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (closing) {
                    if (ring.count() == 0 || now - closeDeadlineNanos >= 0) {
                        return false;
                    }
                    break;
                }
                if (batchDue(now)) {
                    break;
                }
                long wait = ring.count() == 0 ? intervalNanos : oldestEnqueuedNanos + intervalNanos - now;
                sendersWaiting++;
                try {
                    workAvailable.awaitNanos(wait);
                } finally {
                    sendersWaiting--;
                }
            }
            inFlightStarts[sender] = ring.headSeq();
            long bytes = 0;
            while (ring.count() > 0 && batch.size() < maxCount) {
                int size = ring.headSize();
                if (!batch.isEmpty() && bytes + size > maxBytes) {
                    break;
                }
                bytes += size;
                batch.add(ring.removeHead());
            }
            if (sendersWaiting > 0 && batchDue(System.nanoTime())) {
                workAvailable.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean batchDue(long now) {
        int count = ring.count();
        return count > 0 && (count >= wakeCount || ring.bytes() >= wakeBytes || ring.headSeq() < flushTarget
                || now - oldestEnqueuedNanos >= intervalNanos);
    }

    /** Marks the batch in flight of sender {@code sender} as finished and completes the barriers it held up. */
    void batchDone(int sender) {
        List<CompletableFuture<Void>> done;
        lock.lock();
        try {
            inFlightStarts[sender] = -1;
            done = barriers.removeDue(finishedBelow(ring.headSeq()));
        } finally {
            lock.unlock();
        }
        FlushBarriers.complete(done);
    }

    /** A future that completes once every message offered before this call is finished. */
    CompletableFuture<Void> barrier() {
        lock.lock();
        try {
            long completed = finishedBelow(ring.headSeq());
            long target = ring.tailSeq();
            if (sealed || completed >= target) {
                return CompletableFuture.completedFuture(null);
            }
            flushTarget = Math.max(flushTarget, target);
            workAvailable.signalAll();
            return barriers.add(target);
        } finally {
            lock.unlock();
        }
    }

    /** Tells the sender to drain what is queued without waiting, and to stop at {@code deadlineNanos}. */
    public void beginClose(long deadlineNanos) {
        lock.lock();
        try {
            closing = true;
            closeDeadlineNanos = deadlineNanos;
            workAvailable.signalAll();
            closingStarted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The close deadline in {@link System#nanoTime()} terms, or {@link Long#MAX_VALUE} while open. */
    long closeDeadlineNanos() {
        lock.lock();
        try {
            return closing ? closeDeadlineNanos : Long.MAX_VALUE;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps for {@code nanos}, waking early when closing begins. */
    void pause(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            boolean wasClosing = closing;
            while (remaining > 0 && closing == wasClosing) {
                remaining = closingStarted.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further messages and hands back everything still queued; pending barriers are completed after. */
    List<Message> sealAndDrain() {
        lock.lock();
        try {
            sealed = true;
            List<Message> rest = new ArrayList<>(ring.count());
            while (ring.count() > 0) {
                rest.add(ring.removeHead());
            }
            return rest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes the barriers that no batch still in flight holds up, once nothing more will be taken; with
     * {@code evenInFlight}, completes every barrier (no sender will report back).
     */
    void releaseBarriers(boolean evenInFlight) {
        List<CompletableFuture<Void>> done;
        lock.lock();
        try {
            done = barriers.removeDue(evenInFlight ? Long.MAX_VALUE : finishedBelow(Long.MAX_VALUE));
        } finally {
            lock.unlock();
        }
        FlushBarriers.complete(done);
    }

    /** The number below which every message is finished: {@code queuedFrom}, or the oldest batch in flight. */
    private long finishedBelow(long queuedFrom) {
        long finished = queuedFrom;
        for (long start : inFlightStarts) {
            if (start >= 0 && start < finished) {
                finished = start;
            }
        }
        return finished;
    }
}
