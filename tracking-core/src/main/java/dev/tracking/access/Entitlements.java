package dev.tracking.access;

/**
 * Answers access questions for features and metered events. Implementations are fast enough to sit in front
 * of every request (cached) and never throw for a backend failure: they answer {@link AccessReason#BACKEND_UNAVAILABLE}
 * following the {@link OnNoAnswer} policy instead.
 */
public interface Entitlements {

    /** Whether {@code customerId} may use {@code feature}, with the configured no-answer policy. */
    default AccessDecision checkFeature(String customerId, String feature) {
        return checkFeature(customerId, feature, onNoAnswer());
    }

    /** Whether {@code customerId} may use {@code feature}, with {@code onNoAnswer} for this call. */
    AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer);

    /** Whether {@code customerId} may record one more {@code eventName}, with the configured no-answer policy. */
    default AccessDecision checkEvent(String customerId, String eventName) {
        return checkEvent(customerId, eventName, onNoAnswer());
    }

    /** Whether {@code customerId} may record one more {@code eventName}, with {@code onNoAnswer} for this call. */
    AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer);

    /**
     * Reserves {@code quantity} units of the metered {@code eventName} for {@code customerId} when they fit under
     * the limit, with the configured no-answer policy. See {@link #tryConsume(String, String, long, OnNoAnswer)}.
     */
    default Reservation tryConsume(String customerId, String eventName, long quantity) {
        return tryConsume(customerId, eventName, quantity, onNoAnswer());
    }

    /**
     * Reserves {@code quantity} units of the metered {@code eventName} for {@code customerId} when they fit under
     * the limit: checking and counting are one atomic step, so two callers never get the same remaining unit.
     * The caller commits the reservation when the work succeeded and releases it when it failed; a denied
     * reservation holds nothing. Without an answer, {@code onNoAnswer} decides and nothing is held.
     *
     * <p>The default implementation only checks ({@link #checkEvent(String, String, OnNoAnswer)}) and holds
     * nothing, so it is not exact under concurrency; the local backend and Lotus override it.
     *
     * @throws IllegalArgumentException when {@code quantity} is below 1, or an argument is blank or null
     */
    default Reservation tryConsume(String customerId, String eventName, long quantity, OnNoAnswer onNoAnswer) {
        requirePositive(quantity);
        return Reservation.holdingNothing(checkEvent(customerId, eventName, onNoAnswer));
    }

    /** Throws {@link IllegalArgumentException} naming {@code quantity} unless it is at least 1. */
    static long requirePositive(long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        return quantity;
    }

    /** The configured no-answer policy, used by the checks that name none; {@code DENY} unless configured. */
    default OnNoAnswer onNoAnswer() {
        return OnNoAnswer.DENY;
    }

    /** Forgets anything cached for {@code customerId}, so the next check asks the backend. */
    default void invalidate(String customerId) {
    }
}
