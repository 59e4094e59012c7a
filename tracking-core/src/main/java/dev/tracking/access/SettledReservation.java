package dev.tracking.access;

import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Reservation} holding no units; it only remembers how it was settled. */
final class SettledReservation implements Reservation {

    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    private static final int RELEASED = 2;

    private final AccessDecision decision;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    SettledReservation(AccessDecision decision) {
        if (decision == null) {
            throw new IllegalArgumentException("decision must not be null");
        }
        this.decision = decision;
    }

    @Override
    public AccessDecision decision() {
        return decision;
    }

    @Override
    public void commit() {
        state.compareAndSet(OPEN, COMMITTED);
    }

    @Override
    public void release() {
        state.compareAndSet(OPEN, RELEASED);
    }

    @Override
    public boolean isCommitted() {
        return decision.allowed() && state.get() == COMMITTED;
    }
}
