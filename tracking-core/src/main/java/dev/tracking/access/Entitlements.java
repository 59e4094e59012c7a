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

    /** The configured no-answer policy, used by the checks that name none; {@code DENY} unless configured. */
    default OnNoAnswer onNoAnswer() {
        return OnNoAnswer.DENY;
    }

    /** Forgets anything cached for {@code customerId}, so the next check asks the backend. */
    default void invalidate(String customerId) {
    }
}
