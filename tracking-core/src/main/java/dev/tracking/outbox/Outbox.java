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
     * Messages whose row committed after {@code track()} had stopped waiting for it ({@code writeTimeout}) and sent
     * them from memory: each is delivered twice with the same id and counted accepted twice (once per copy), so
     * that {@code accepted = delivered + failed + dropped + pending} holds. Counted since start; such messages are
     * not counted {@link #notDurable()}.
     */
    long writtenLate();

    /**
     * Makes the failed rows of {@code destination} pending again, to be sent with their original ids and
     * timestamps; returns how many. A replay accepts the rows again: the destination's stats and
     * {@code TrackingListener.onAccepted} count each replayed row as accepted once more (its earlier failure stays
     * counted), so a replayed row that is then delivered counts accepted twice, failed once and delivered once.
     *
     * @throws IllegalArgumentException when {@code destination} does not use the outbox
     */
    int replayFailed(String destination);
}
