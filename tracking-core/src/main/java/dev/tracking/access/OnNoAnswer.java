package dev.tracking.access;

/** What an access check decides when the backend gives no answer and nothing usable is cached. */
public enum OnNoAnswer {
    /** Deny access (the default: a gate fails closed). */
    DENY,
    /** Allow access (fail open). */
    ALLOW
}
