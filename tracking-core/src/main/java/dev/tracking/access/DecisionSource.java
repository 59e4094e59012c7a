package dev.tracking.access;

/** Where an {@link AccessDecision} came from. */
public enum DecisionSource {
    /** Answered by the backend for this call (for the local backend: computed in process). */
    REMOTE,
    /** Served from the access cache, fresh or stale. */
    CACHE,
    /** No answer could be had; the {@link OnNoAnswer} policy decided. */
    FALLBACK
}
