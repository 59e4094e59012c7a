package dev.tracking.benchmarks.runs;

import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.outbox.TransactionalOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's transaction seam as a framework would implement it, for plain JDBC: a transaction is bound to the
 * calling thread by {@link #begin}, collects the rows of the events tracked in it, and {@link #commit} writes them
 * on the transaction's connection just before committing it.
 */
final class BenchTransactions implements OutboxTransactions {

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    /** Binds a transaction on {@code connection} (auto-commit off) to this thread. */
    void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        current.set(new Transaction(connection));
    }

    /** Writes the transaction's rows, commits it, tells the outbox, and unbinds it. */
    void commit() throws SQLException {
        Transaction transaction = current.get();
        current.remove();
        if (transaction.outbox != null) {
            transaction.outbox.write(transaction.connection, transaction.rows);
        }
        transaction.connection.commit();
        if (transaction.outbox != null) {
            transaction.outbox.committed(transaction.rows);
        }
    }

    @Override
    public boolean join(OutboxRow row, TransactionalOutbox outbox) {
        Transaction transaction = current.get();
        if (transaction == null) {
            return false;
        }
        transaction.outbox = outbox;
        transaction.rows.add(row);
        return true;
    }

    private static final class Transaction {
        final Connection connection;
        final List<OutboxRow> rows = new ArrayList<>();
        TransactionalOutbox outbox;

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }
}
