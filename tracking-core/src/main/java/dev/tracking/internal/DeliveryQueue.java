package dev.tracking.internal;

import dev.tracking.Message;
import dev.tracking.OverflowPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the callers and one destination's sender thread, with the bookkeeping that makes
 * {@code flush()} a barrier: messages are numbered in order, and a barrier completes once every message
 * numbered before it has left the queue and is no longer in flight.
 *
 * <p>This is the seam between "accepted" and "sent": a durable log can later take its place.
 */
final class DeliveryQueue {

    private record Barrier(long target, CompletableFuture<Void> future) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition closingStarted = lock.newCondition();
    private final Message[] items;
    private final int[] sizes;
    private final OverflowPolicy overflow;
    private final int wakeCount;
    private final long wakeBytes;
    private final long intervalNanos;
    private final ArrayDeque<Barrier> barriers = new ArrayDeque<>();

    private int headPos;
    private int count;
    private long queuedBytes;
    private long headSeq;
    private long tailSeq;
    private long inFlightStart = -1;
    private long flushTarget;
    private long oldestEnqueuedNanos;
    private boolean senderWaiting;
    private boolean closing;
    private long closeDeadlineNanos;
    private volatile boolean sealed;

    DeliveryQueue(int capacity, OverflowPolicy overflow, int batchSize, long batchBytes, long intervalNanos) {
        this.items = new Message[capacity];
        this.sizes = new int[capacity];
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
            if (count == items.length) {
                if (overflow == OverflowPolicy.DROP_NEWEST) {
                    return message;
                }
                evicted = removeHead();
            }
            if (count == 0) {
                oldestEnqueuedNanos = System.nanoTime();
            }
            int pos = (headPos + count) % items.length;
            items[pos] = message;
            sizes[pos] = size;
            count++;
            queuedBytes += size;
            tailSeq++;
            if (senderWaiting && (count >= wakeCount || queuedBytes >= wakeBytes)) {
                senderWaiting = false;
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
     * {@code batch}; returns {@code false} when the sender should stop (closing and empty, or past the deadline).
     */
    boolean takeBatch(List<Message> batch, int maxCount, long maxBytes) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (closing) {
                    if (count == 0 || now - closeDeadlineNanos >= 0) {
                        return false;
                    }
                    break;
                }
                if (count > 0 && (count >= wakeCount || queuedBytes >= wakeBytes || headSeq < flushTarget
                        || now - oldestEnqueuedNanos >= intervalNanos)) {
                    break;
                }
                long wait = count == 0 ? intervalNanos : oldestEnqueuedNanos + intervalNanos - now;
                senderWaiting = true;
                try {
                    workAvailable.awaitNanos(wait);
                } finally {
                    senderWaiting = false;
                }
            }
            inFlightStart = headSeq;
            long bytes = 0;
            while (count > 0 && batch.size() < maxCount) {
                int size = sizes[headPos];
                if (!batch.isEmpty() && bytes + size > maxBytes) {
                    break;
                }
                bytes += size;
                batch.add(removeHead());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the batch taken last as finished and completes the barriers it was holding up. */
    void batchDone() {
        List<CompletableFuture<Void>> done;
        lock.lock();
        try {
            inFlightStart = -1;
            done = dueBarriers(headSeq);
        } finally {
            lock.unlock();
        }
        done.forEach(f -> f.complete(null));
    }

    /** A future that completes once every message offered before this call is finished. */
    CompletableFuture<Void> barrier() {
        lock.lock();
        try {
            long completed = inFlightStart < 0 ? headSeq : inFlightStart;
            if (sealed || completed >= tailSeq) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            barriers.addLast(new Barrier(tailSeq, future));
            flushTarget = Math.max(flushTarget, tailSeq);
            workAvailable.signal();
            return future;
        } finally {
            lock.unlock();
        }
    }

    /** Tells the sender to drain what is queued without waiting, and to stop at {@code deadlineNanos}. */
    void beginClose(long deadlineNanos) {
        lock.lock();
        try {
            closing = true;
            closeDeadlineNanos = deadlineNanos;
            workAvailable.signal();
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
            List<Message> rest = new ArrayList<>(count);
            while (count > 0) {
                rest.add(removeHead());
            }
            return rest;
        } finally {
            lock.unlock();
        }
    }

    /** Completes every barrier, once nothing more will be delivered. */
    void releaseBarriers() {
        List<CompletableFuture<Void>> done;
        lock.lock();
        try {
            done = dueBarriers(Long.MAX_VALUE);
        } finally {
            lock.unlock();
        }
        done.forEach(f -> f.complete(null));
    }

    private List<CompletableFuture<Void>> dueBarriers(long completedSeq) {
        if (barriers.isEmpty() || barriers.peekFirst().target() > completedSeq) {
            return List.of();
        }
        List<CompletableFuture<Void>> done = new ArrayList<>();
        while (!barriers.isEmpty() && barriers.peekFirst().target() <= completedSeq) {
            done.add(barriers.pollFirst().future());
        }
        return done;
    }

    private Message removeHead() {
        Message message = items[headPos];
        items[headPos] = null;
        queuedBytes -= sizes[headPos];
        headPos = (headPos + 1) % items.length;
        count--;
        headSeq++;
        return message;
    }
}
