package dev.tracking;

import dev.tracking.access.AccessDecision;
import java.time.Duration;
import java.util.List;

/**
 * Sees every outcome of every message, per destination, and every decision of the tracker's
 * {@link Tracker#entitlements()}. Called on the tracker's own threads (the caller's thread for
 * {@code onAccepted}, queue-full drops and {@code onAccessChecked}); implementations must be fast and must not
 * throw (a throwing listener is logged and otherwise ignored).
 */
public interface TrackingListener {

    /** A message was handed to {@code destination}. Every accepted message ends in exactly one other call. */
    default void onAccepted(String destination, Message message) {
    }

    /** The server acknowledged these messages. */
    default void onDelivered(String destination, List<? extends Message> messages) {
    }

    /** These messages will not be delivered: rejected by the server, or out of retries. */
    default void onFailed(String destination, List<? extends Message> messages, Failure failure) {
    }

    /** The message was dropped before sending, e.g. {@code queue_full}, {@code no_customer_id}. */
    default void onDropped(String destination, Message message, String reason) {
    }

    /**
     * One request to {@code destination} finished.
     *
     * @param outcome {@code success}, {@code partial}, {@code failure} or {@code retry}
     */
    default void onBatchSent(String destination, int size, Duration elapsed, String outcome) {
    }

    /** An access check through {@link Tracker#entitlements()} was decided, from any source. */
    default void onAccessChecked(AccessDecision decision) {
    }

    /**
     * The access cache asked its backend (Lotus), on a caller's thread for a miss or in the background for a
     * refresh, and got an answer or none (a failure, a timeout) after {@code elapsed}. Called on the thread that
     * asked.
     */
    default void onRemoteAccessCheck(boolean refresh, boolean answered, Duration elapsed) {
    }
}
