package dev.tracking.reliability.outbox;

import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.outbox.TransactionalOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a framework's transaction binding does, for plain JDBC: while a thread has a transaction open, the rows of
 * its events join it; at commit they are written on the transaction's connection just before it commits, and
 * handed back as committed afterwards; a rollback drops them.
 */
final class ThreadTransactions implements OutboxTransactions {

    private record Open(Connection connection, List<OutboxRow> rows) {
    }

    private final ThreadLocal<Open> open = new ThreadLocal<>();
    private volatile TransactionalOutbox outbox;

    /** Starts a transaction on {@code connection} for this thread. */
    void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        open.set(new Open(connection, new ArrayList<>()));
    }

    @Override
    public boolean join(OutboxRow row, TransactionalOutbox target) {
        Open current = open.get();
        if (current == null) {
            return false;
        }
        outbox = target;
        current.rows().add(row);
        return true;
    }

    /** Writes this thread's rows on its connection and commits; returns when the commit did. */
    void commit() throws SQLException {
        Open current = open.get();
        open.remove();
        if (!current.rows().isEmpty()) {
            outbox.write(current.connection(), current.rows());
        }
        current.connection().commit();
        if (!current.rows().isEmpty()) {
            outbox.committed(current.rows());
        }
    }

    /**
     * Writes this thread's rows on its connection, then rolls back, as when the commit itself fails after the
     * framework wrote them: they must vanish with the transaction.
     */
    void writeThenRollback() throws SQLException {
        Open current = open.get();
        open.remove();
        if (!current.rows().isEmpty()) {
            outbox.write(current.connection(), current.rows());
        }
        current.connection().rollback();
    }

    /** Rolls this thread's transaction back before anything was written: its rows are forgotten. */
    void rollback() throws SQLException {
        Open current = open.get();
        open.remove();
        current.connection().rollback();
    }
}
