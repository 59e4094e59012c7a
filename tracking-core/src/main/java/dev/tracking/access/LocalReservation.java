package dev.tracking.access;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Units held on a {@link LocalUsage} by {@link CachedEntitlements#tryConsume}: committing makes them settled
 * usage, releasing gives them back; the first of the two wins. {@code afterSettling} runs once either did.
 */
final class LocalReservation implements Reservation {

    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    private static final int RELEASED = 2;

    private final AccessDecision decision;
    private final LocalUsage usage;
    private final long quantity;
    private final Runnable afterSettling;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    LocalReservation(AccessDecision decision, LocalUsage usage, long quantity, Runnable afterSettling) {
        this.decision = decision;
        this.usage = usage;
        this.quantity = quantity;
        this.afterSettling = afterSettling;
    }

    @Override
    public AccessDecision decision() {
        return decision;
    }

    @Override
    public void commit() {
        if (state.compareAndSet(OPEN, COMMITTED)) {
            usage.commit(quantity);
            afterSettling.run();
        }
    }

    @Override
    public void release() {
        if (state.compareAndSet(OPEN, RELEASED)) {
            usage.release(quantity);
            afterSettling.run();
        }
    }

    @Override
    public boolean isCommitted() {
        return state.get() == COMMITTED;
    }
}
