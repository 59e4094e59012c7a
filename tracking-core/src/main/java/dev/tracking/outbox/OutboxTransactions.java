package dev.tracking.outbox;

/**
 * Lets the outbox write a transaction's events in that transaction. A framework implements it (the Spring Boot
 * starter binds it to Spring's transaction synchronization); without one, every event is written in a short
 * transaction of its own.
 */
@FunctionalInterface
public interface OutboxTransactions {

    /** Never joins: every event gets a transaction of its own. */
    OutboxTransactions NONE = (row, outbox) -> false;

    /**
     * Called on the caller's thread for every row of a message. When that thread runs a transaction on the outbox's
     * data source, adds {@code row} to the rows of that transaction and returns {@code true}; otherwise returns
     * {@code false} and the outbox writes the row itself.
     *
     * <p>The implementation hands all rows of one transaction to {@link TransactionalOutbox#write} once, on the
     * transaction's connection just before it commits, and to {@link TransactionalOutbox#committed} after the
     * commit. After a rollback it drops them: they were never accepted and are never sent.
     */
    boolean join(OutboxRow row, TransactionalOutbox outbox);
}
