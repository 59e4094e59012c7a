package dev.tracking.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The outbox as an {@link OutboxTransactions} implementation sees it: what to call before and after the
 * transaction that collected some rows commits.
 */
public interface TransactionalOutbox {

    /**
     * Inserts {@code rows} on {@code connection}, the transaction's own connection, just before it commits (in one
     * batch). Does not commit, close or change the connection's settings. An exception fails the commit.
     */
    void write(Connection connection, List<OutboxRow> rows) throws SQLException;

    /** Tells the outbox that the transaction which wrote {@code rows} committed: they are accepted, due for sending. */
    void committed(List<OutboxRow> rows);
}
