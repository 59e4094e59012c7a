package dev.tracking.access;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Reservation} of units that a store already counted: committing keeps them, releasing runs
 * {@code giveBack} once. For implementations of {@link Entitlements}. {@link Reservation#holdingNothing} makes one
 * that counted nothing, for a denial or an entitlement that cannot reserve.
 */
public final class HeldReservation implements Reservation {

    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    private static final int RELEASED = 2;

    private static final Runnable NOTHING_TO_GIVE_BACK = () -> { };

    private final AccessDecision decision;
    private final Runnable giveBack;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    /**
     * @param decision an allowed decision
     * @param giveBack returns the units to the store; runs at most once, on the thread that releases
     */
    public HeldReservation(AccessDecision decision, Runnable giveBack) {
        if (decision == null || !decision.allowed()) {
            throw new IllegalArgumentException("decision must be an allowed decision");
        }
        if (giveBack == null) {
            throw new IllegalArgumentException("giveBack must not be null");
        }
        this.decision = decision;
        this.giveBack = giveBack;
    }

    private HeldReservation(AccessDecision decision) {
        if (decision == null) {
            throw new IllegalArgumentException("decision must not be null");
        }
        this.decision = decision;
        this.giveBack = NOTHING_TO_GIVE_BACK;
    }

    /** A reservation that counted nothing: it carries {@code decision}, allowed or denied; settling it is a no-op. */
    static Reservation holdingNothing(AccessDecision decision) {
        return new HeldReservation(decision);
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
        if (state.compareAndSet(OPEN, RELEASED)) {
            giveBack.run();
        }
    }

    @Override
    public boolean isCommitted() {
        return decision.allowed() && state.get() == COMMITTED;
    }
}
