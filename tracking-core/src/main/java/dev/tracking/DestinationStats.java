package dev.tracking;

import java.time.Instant;
import java.util.Map;

/**
 * A consistent snapshot of one destination's counters. At every moment
 * {@code accepted == delivered + failed + dropped + pending}.
 *
 * @param destination the destination's name ({@code outlit}, {@code lotus}, {@code local}, …)
 * @param accepted messages handed to this destination
 * @param delivered messages the server acknowledged
 * @param failed messages rejected or out of retries
 * @param dropped messages dropped before sending (queue full, not applicable, shut down)
 * @param pending messages queued or in flight
 * @param consecutiveFailures requests that failed in a row since the last success
 * @param lastDeliveryAt when a request last succeeded, or {@code null}
 * @param lastFailureAt when a request last failed, or {@code null}
 * @param lastFailure the last failure, or {@code null}
 * @param credentialsRejected whether the last failure was the server refusing the key, or the destination learned
 *     so otherwise ({@link dev.tracking.spi.Destination#credentialsRejected()})
 * @param failedByReason failed messages counted by reason code
 * @param droppedByReason dropped messages counted by reason code
 * @param senderRestarts how many times a sender thread stopped unexpectedly and was replaced (0 when all is well)
 */
public record DestinationStats(String destination, long accepted, long delivered, long failed, long dropped,
        long pending, long consecutiveFailures, Instant lastDeliveryAt, Instant lastFailureAt, Failure lastFailure,
        boolean credentialsRejected, Map<String, Long> failedByReason, Map<String, Long> droppedByReason,
        long senderRestarts) {

    /** Stats of a destination whose senders never stopped unexpectedly. */
    public DestinationStats(String destination, long accepted, long delivered, long failed, long dropped,
            long pending, long consecutiveFailures, Instant lastDeliveryAt, Instant lastFailureAt, Failure lastFailure,
            boolean credentialsRejected, Map<String, Long> failedByReason, Map<String, Long> droppedByReason) {
        this(destination, accepted, delivered, failed, dropped, pending, consecutiveFailures, lastDeliveryAt,
                lastFailureAt, lastFailure, credentialsRejected, failedByReason, droppedByReason, 0);
    }
}
