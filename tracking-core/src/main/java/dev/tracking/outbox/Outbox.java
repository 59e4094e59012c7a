package dev.tracking.outbox;

import java.util.Set;

/**
 * The outbox of a tracker, read from its table: what waits there, what failed for good, and a way to send the
 * failed rows again. Counts read the database, so they include rows written by other instances and before a
 * restart.
 */
public interface Outbox {

    /** The destinations whose messages go through the outbox. */
    Set<String> destinations();

    /** Rows of {@code destination} waiting to be sent or being sent (not failed). */
    long pending(String destination);

    /** Rows of {@code destination} that failed for good and stay in the table for inspection and replay. */
    long failed(String destination);

    /**
     * Messages that could not be written to the database in time ({@code writeTimeout}) or at all, and went to the
     * memory queue instead: they are delivered as usual but would not survive a crash. Counted since start.
     */
    long notDurable();

    /**
     * Makes the failed rows of {@code destination} pending again, to be sent with their original ids and
     * timestamps; returns how many.
     *
     * @throws IllegalArgumentException when {@code destination} does not use the outbox
     */
    int replayFailed(String destination);
}
