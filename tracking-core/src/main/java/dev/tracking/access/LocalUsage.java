package dev.tracking.access;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The usage of one customer's metered event that this instance counted, shared by every answer
 * {@link CachedEntitlements} caches for that event, so a refresh or a reload never loses or duplicates a unit.
 *
 * <p>{@code counted} only grows with usage (observed events, reservations) and shrinks only when a reservation is
 * released. Units observed or committed are settled: a remote answer fetched after them is taken to include them.
 * Held units (reservations not yet settled) never reach the remote, so every answer counts them.
 */
final class LocalUsage {

    private final AtomicLong counted = new AtomicLong();
    private long held; // guarded by this
    private boolean retired; // guarded by this: dropped from the registry, takes no more reservations

    /** Every unit observed, committed or held so far; read without a lock by the checks. */
    long counted() {
        return counted.get();
    }

    /** One usage event was tracked. */
    void observed() {
        counted.incrementAndGet();
    }

    /**
     * Where an answer fetched now starts counting: the units observed or committed so far (held units stay
     * counted by every answer).
     */
    synchronized long settled() {
        return counted.get() - held;
    }

    /**
     * Holds {@code quantity} units when the units counted since {@code baseline} plus {@code quantity} fit in
     * {@code room}; {@code room < 0} means unlimited.
     */
    synchronized Outcome reserve(long baseline, long room, long quantity) {
        if (retired) {
            return Outcome.RETIRED;
        }
        while (true) {
            long now = counted.get();
            if (room >= 0 && now - baseline > room - quantity) {
                return Outcome.DENIED;
            }
            if (counted.compareAndSet(now, now + quantity)) { // observed() does not take the lock
                held += quantity;
                return Outcome.HELD;
            }
        }
    }

    /** The held units become settled usage. */
    synchronized void commit(long quantity) {
        held -= quantity;
    }

    /** The held units are given back. */
    synchronized void release(long quantity) {
        held -= quantity;
        counted.addAndGet(-quantity);
    }

    /** Retires this usage when it holds nothing, so no reservation can be made on it afterwards. */
    synchronized boolean retireIfIdle() {
        if (held == 0) {
            retired = true;
        }
        return retired;
    }

    /** How a reservation went. */
    enum Outcome {
        HELD, DENIED, RETIRED
    }
}
