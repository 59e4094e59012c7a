package dev.tracking.access;

/** Why an {@link AccessDecision} went the way it did. */
public enum AccessReason {
    /** The feature is in an active plan, or the metered event is under its limit (or unlimited). */
    IN_PLAN,
    /** No active plan of the customer has the feature or the metered event. */
    NOT_IN_PLAN,
    /** The metered event's usage has reached its limit for the period. */
    LIMIT_REACHED,
    /** The backend does not know the customer. */
    UNKNOWN_CUSTOMER,
    /** No answer could be had; the decision follows the {@link OnNoAnswer} policy. */
    BACKEND_UNAVAILABLE
}
