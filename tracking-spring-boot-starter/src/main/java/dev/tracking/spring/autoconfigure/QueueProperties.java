package dev.tracking.spring.autoconfigure;

import dev.tracking.OverflowPolicy;

/** Settings under {@code tracking.queue}: the bounded queue each destination has. */
public class QueueProperties {

    /** Most messages queued per destination; beyond it the overflow policy decides. */
    private int capacity = 10_000;

    /** What a full queue does: drop the new message (drop-newest) or the oldest queued one (drop-oldest). */
    private OverflowPolicy overflow = OverflowPolicy.DROP_NEWEST;

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public OverflowPolicy getOverflow() {
        return overflow;
    }

    public void setOverflow(OverflowPolicy overflow) {
        this.overflow = overflow;
    }
}
