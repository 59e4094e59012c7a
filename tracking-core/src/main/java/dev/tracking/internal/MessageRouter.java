package dev.tracking.internal;

import dev.tracking.Message;
import dev.tracking.spi.Destination;

/**
 * Checks a message on the caller's thread and hands it to every destination's lane: refuses it when too large,
 * when a destination's {@code validate} throws, or when every destination skips it; otherwise each lane accepts
 * it or counts it as skipped with the destination's reason.
 */
final class MessageRouter {

    private final DestinationLane[] lanes;
    private final int maxEventBytes;

    MessageRouter(DestinationLane[] lanes, int maxEventBytes) {
        this.lanes = lanes;
        this.maxEventBytes = maxEventBytes;
    }

    /** Routes {@code message}, or throws {@link IllegalArgumentException} before any lane has counted it. */
    void route(Message message) {
        Checks.requireNonNull("message", message);
        int size = MessageSize.estimate(message);
        if (size > maxEventBytes) {
            throw new IllegalArgumentException("message is too large: about " + size
                    + " bytes encoded, over maxEventBytes (" + maxEventBytes + ")");
        }
        String[] skipReasons = null;
        int skipped = 0;
        for (int i = 0; i < lanes.length; i++) {
            Destination destination = lanes[i].destination();
            destination.validate(message);
            String reason = destination.skipReason(message);
            if (reason != null) {
                skipReasons = skipReasons == null ? new String[lanes.length] : skipReasons;
                skipReasons[i] = reason;
                skipped++;
            }
        }
        if (skipped == lanes.length) {
            throw new IllegalArgumentException(noDestinationTakes(skipReasons));
        }
        for (int i = 0; i < lanes.length; i++) {
            if (skipReasons == null || skipReasons[i] == null) {
                lanes[i].accept(message, size);
            } else {
                lanes[i].skip(message, skipReasons[i]);
            }
        }
    }

    private String noDestinationTakes(String[] skipReasons) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lanes.length; i++) {
            text.append(i == 0 ? "" : "; ").append(skipReasons[i]).append(": ")
                    .append(lanes[i].destination().name()).append(" does not take this message");
        }
        return text.toString();
    }
}
