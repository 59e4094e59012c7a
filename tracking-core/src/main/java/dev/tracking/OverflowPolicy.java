package dev.tracking;

/** What a full queue does with a new message. Either way the drop is counted as {@code queue_full}. */
public enum OverflowPolicy {
    /** Keep the queue as it is and drop the new message. */
    DROP_NEWEST,
    /** Drop the oldest queued message to make room for the new one. */
    DROP_OLDEST
}
