package dev.tracking.internal;

import dev.tracking.Message;
import dev.tracking.internal.check.Arguments;
import dev.tracking.internal.delivery.DestinationLane;
import dev.tracking.internal.delivery.MessageSize;
import dev.tracking.internal.outbox.OutboxEngine;
import dev.tracking.spi.Destination;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a message on the caller's thread and hands it to every destination's lane: refuses it when too large,
 * when a destination's {@code validate} throws, or when every destination skips it; otherwise each lane accepts
 * it or counts it as skipped with the destination's reason. The lanes of destinations the outbox covers hand it
 * to the outbox instead, which writes their rows together.
 */
final class MessageRouter {

    private final DestinationLane[] lanes;
    private final int maxEventBytes;
    private final OutboxEngine outbox;
    private final boolean[] covered;

    MessageRouter(DestinationLane[] lanes, int maxEventBytes) {
        this(lanes, maxEventBytes, null);
    }

    MessageRouter(DestinationLane[] lanes, int maxEventBytes, OutboxEngine outbox) {
        this.lanes = lanes;
        this.maxEventBytes = maxEventBytes;
        this.outbox = outbox;
        this.covered = new boolean[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
            covered[i] = outbox != null && outbox.covers(lanes[i].destination().name());
        }
    }

    /** Routes {@code message}, or throws {@link IllegalArgumentException} before any lane has counted it. */
    void route(Message message) {
        Arguments.requireNonNull("message", message);
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
        List<DestinationLane> durable = null;
        for (int i = 0; i < lanes.length; i++) {
            if (skipReasons != null && skipReasons[i] != null) {
                lanes[i].skip(message, skipReasons[i]);
            } else if (covered[i]) {
                durable = durable == null ? new ArrayList<>(2) : durable;
                durable.add(lanes[i]);
            } else {
                lanes[i].accept(message, size);
            }
        }
        if (durable != null) {
            outbox.accept(message, size, durable);
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
