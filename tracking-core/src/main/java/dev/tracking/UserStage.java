package dev.tracking;

/** A user's journey stage, reported with {@link Tracker#activate(ActivationMessage)}. */
public enum UserStage {
    ACTIVATED, ENGAGED, INACTIVE;

    /** The lower-case name the wire protocols use. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
