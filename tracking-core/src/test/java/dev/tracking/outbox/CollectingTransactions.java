package dev.tracking.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a framework's transaction binding: while a test's "transaction" is open on a thread, rows join
 * it; the test then writes them on a connection it commits or rolls back itself.
 */
final class CollectingTransactions implements OutboxTransactions {

    private final ThreadLocal<List<OutboxRow>> open = new ThreadLocal<>();
    private volatile TransactionalOutbox outbox;

    void begin() {
        open.set(new ArrayList<>());
    }

    @Override
    public boolean join(OutboxRow row, TransactionalOutbox target) {
        List<OutboxRow> rows = open.get();
        if (rows == null) {
            return false;
        }
        outbox = target;
        rows.add(row);
        return true;
    }

    /** Writes the rows of this thread's transaction on {@code connection} and ends it; returns them. */
    List<OutboxRow> writeAndEnd(Connection connection, boolean commit) throws SQLException {
        List<OutboxRow> rows = open.get();
        open.remove();
        connection.setAutoCommit(false);
        outbox.write(connection, rows);
        if (commit) {
            connection.commit();
            outbox.committed(rows);
        } else {
            connection.rollback();
        }
        return rows;
    }
}
