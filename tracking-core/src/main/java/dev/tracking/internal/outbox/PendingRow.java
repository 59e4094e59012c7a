package dev.tracking.internal.outbox;

import dev.tracking.Message;
import dev.tracking.outbox.OutboxRow;
import java.util.UUID;

/**
 * A row about to be written to the outbox: {@code message} for {@code destination}, encoded as {@code payload}.
 *
 * @param destination the destination that will send it
 * @param message the message itself, for listeners and for the memory queue when the write does not happen
 * @param payload the message as {@link OutboxCodec} encodes it
 * @param createdAt when the row was made, epoch milliseconds
 */
public record PendingRow(String destination, Message message, String payload, long createdAt) implements OutboxRow {

    @Override
    public UUID messageId() {
        return message.id();
    }

    /** The destination and the message id only: the payload may hold personal data. */
    @Override
    public String toString() {
        return "OutboxRow[" + destination + ", " + message.id() + "]";
    }
}
