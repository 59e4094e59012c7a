package dev.tracking.internal.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The pending {@code flush()} barriers of one queue, each waiting for every message numbered before its target to
 * finish. Not thread-safe: {@link DeliveryQueue} guards it with its lock; futures are completed outside it.
 */
final class FlushBarriers {

    private record Barrier(long target, CompletableFuture<Void> future) {
    }

    private final ArrayDeque<Barrier> pending = new ArrayDeque<>();

    /** A future for messages numbered below {@code target}; targets only grow, so the deque stays ordered. */
    CompletableFuture<Void> add(long target) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        pending.addLast(new Barrier(target, future));
        return future;
    }

    /** Removes and returns the barriers satisfied once every message below {@code finishedBelow} is finished. */
    List<CompletableFuture<Void>> removeDue(long finishedBelow) {
        if (pending.isEmpty() || pending.peekFirst().target() > finishedBelow) {
            return List.of();
        }
        List<CompletableFuture<Void>> due = new ArrayList<>();
        while (!pending.isEmpty() && pending.peekFirst().target() <= finishedBelow) {
            due.add(pending.pollFirst().future());
        }
        return due;
    }

    /** Completes {@code futures}; call without holding the queue's lock. */
    static void complete(List<CompletableFuture<Void>> futures) {
        for (CompletableFuture<Void> future : futures) {
            future.complete(null);
        }
    }
}
