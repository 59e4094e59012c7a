package dev.tracking.internal;

import dev.tracking.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The batch one sender thread has in flight, message by message, so that each message is counted exactly once:
 * by the sender as it settles it, or by {@link #abandon()} when the tracker closes while the sender is stuck in a
 * request. Once abandoned, the sender's later outcomes are not counted again.
 */
final class SenderSlot {

    private final Set<Message> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean abandoned;

    /** Starts tracking {@code batch}, just taken from the queue. */
    synchronized void begin(List<Message> batch) {
        open.clear();
        open.addAll(batch);
        abandoned = false;
    }

    /**
     * Runs {@code count} for {@code messages} unless the batch was abandoned; the messages are settled after.
     * Returns whether it ran.
     */
    synchronized boolean settle(List<Message> messages, Runnable count) {
        if (abandoned) {
            return false;
        }
        for (Message message : messages) {
            open.remove(message);
        }
        count.run();
        return true;
    }

    /** Marks the batch abandoned and hands back its messages not yet settled, for the caller to count. */
    synchronized List<Message> abandon() {
        abandoned = true;
        List<Message> rest = new ArrayList<>(open);
        open.clear();
        return rest;
    }

    /** Hands back the messages not yet settled (the batch stays tracked). */
    synchronized List<Message> unsettled() {
        return new ArrayList<>(open);
    }
}
