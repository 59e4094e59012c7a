package dev.tracking.outbox;

import java.util.UUID;

/**
 * One message for one destination, encoded and waiting to be written to the outbox table. Opaque to
 * {@link OutboxTransactions} implementations: they only collect rows and hand them back to the
 * {@link TransactionalOutbox}.
 */
public interface OutboxRow {

    /** The destination that will send it. */
    String destination();

    /** The message's id, sent unchanged on every attempt. */
    UUID messageId();
}
