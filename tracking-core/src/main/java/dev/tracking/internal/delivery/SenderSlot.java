package dev.tracking.internal.delivery;

import dev.tracking.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The batch one sender thread has in flight, so that each message is counted exactly once: by the sender as it
 * settles it, or by {@link #abandon()} when the tracker closes while the sender is stuck in a request. Once
 * abandoned, the sender's later outcomes are not counted again. The common case, a batch settled all at once,
 * allocates nothing; a batch settled in parts keeps the settled messages in an identity set.
 */
public final class SenderSlot {

    private List<Message> batch = List.of();
    private Set<Message> settledPart;
    private boolean allSettled;
    private boolean abandoned;

    /** Starts tracking {@code batch}, just taken from the queue. */
    public synchronized void begin(List<Message> batch) {
        this.batch = batch;
        settledPart = null;
        allSettled = false;
        abandoned = false;
    }

    /**
     * Runs {@code count} for {@code messages} (not yet settled, of this batch) unless the batch was abandoned; they
     * are settled from then on. Returns whether it ran.
     */
    synchronized boolean settle(List<Message> messages, Runnable count) {
        if (abandoned) {
            return false;
        }
        if (settledPart == null && messages.size() == batch.size()) {
            allSettled = true;
        } else if (!messages.isEmpty()) {
            if (settledPart == null) {
                settledPart = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            settledPart.addAll(messages);
        }
        count.run();
        return true;
    }

    /** Marks the batch abandoned and hands back its messages not yet settled, for the caller to count. */
    synchronized List<Message> abandon() {
        abandoned = true;
        if (allSettled) {
            return List.of();
        }
        List<Message> rest = new ArrayList<>();
        for (Message message : batch) {
            if (settledPart == null || !settledPart.contains(message)) {
                rest.add(message);
            }
        }
        allSettled = true;
        return rest;
    }
}
