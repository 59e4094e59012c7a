package dev.tracking.access;

/**
 * Metered units held for a customer by {@link Entitlements#tryConsume}, until the caller commits or releases them.
 *
 * <p>An allowed reservation already counts toward the customer's usage, so no other caller can take the same
 * units. {@link #commit()} keeps them as usage; {@link #release()} gives them back (call it when the work the
 * units paid for failed). The first of the two wins; later calls of either do nothing. A denied reservation
 * holds nothing, and both calls do nothing. Safe to settle from any thread.
 */
public interface Reservation {

    /** The decision the reservation was made with: allowed (units held) or denied, with usage and limit. */
    AccessDecision decision();

    /** Whether the units were reserved. */
    default boolean allowed() {
        return decision().allowed();
    }

    /** Keeps the reserved units as usage. */
    void commit();

    /** Gives the reserved units back, unless they were committed. */
    void release();

    /** Whether {@link #commit()} settled this reservation (and the reservation was allowed). */
    boolean isCommitted();

    /**
     * A reservation that holds nothing: it carries {@code decision} and settling it changes no usage. Used for
     * denials and by entitlements that cannot reserve (their check is then not exact under concurrency).
     */
    static Reservation holdingNothing(AccessDecision decision) {
        return HeldReservation.holdingNothing(decision);
    }
}
