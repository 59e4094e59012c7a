package dev.tracking.internal.outbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code flush()} calls waiting on one destination's outbox rows: each completes once no row of that
 * destination numbered up to its target (the last row written when it was called) is still pending. A target of
 * {@code -1} is read by the relay when the caller could not. Thread-safe.
 */
final class OutboxFlushes {

    private record Waiter(long target, CompletableFuture<Void> future) {
    }

    private final List<Waiter> waiters = new ArrayList<>();

    synchronized CompletableFuture<Void> add(long target) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.add(new Waiter(target, future));
        return future;
    }

    synchronized boolean isEmpty() {
        return waiters.isEmpty();
    }

    /** Replaces unknown targets ({@code -1}) with {@code last}. */
    synchronized void resolveUnknown(long last) {
        waiters.replaceAll(w -> w.target() < 0 ? new Waiter(last, w.future()) : w);
    }

    /** The lowest known target still waiting, or -1. */
    synchronized long lowestTarget() {
        long lowest = Long.MAX_VALUE;
        for (Waiter waiter : waiters) {
            if (waiter.target() >= 0) {
                lowest = Math.min(lowest, waiter.target());
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    /** Completes every waiter (the relay stopped). */
    void completeAll() {
        completeUpTo(Long.MAX_VALUE);
        synchronized (this) {
            waiters.forEach(w -> w.future().complete(null));
            waiters.clear();
        }
    }

    /** Completes the waiters whose target is at most {@code settledUpTo}. */
    void completeUpTo(long settledUpTo) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
                Waiter waiter = it.next();
                if (waiter.target() >= 0 && waiter.target() <= settledUpTo) {
                    done.add(waiter.future());
                    it.remove();
                }
            }
        }
        done.forEach(f -> f.complete(null));
    }
}
