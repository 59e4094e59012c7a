package dev.tracking.spring.outbox;

import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.outbox.TransactionalOutbox;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets the outbox write the events of a Spring-managed transaction in that transaction. It joins when the calling
 * thread runs an actual, read-write transaction that holds a connection of the outbox's {@link DataSource}: a
 * {@code DataSourceTransactionManager}/{@code JdbcTransactionManager} on it, or a {@code JpaTransactionManager}
 * whose entity manager factory uses it. The transaction's rows are then collected, written in one batch on the
 * transaction's own connection just before it commits, and handed over for sending after the commit; a rollback
 * (also to a savepoint of a nested transaction) drops them, so nothing of it is ever sent.
 *
 * <p>It does not join a transaction on another database (a second {@code DataSource}, or a JTA transaction that has
 * not used this one), a read-only transaction, or a thread without one: the outbox then writes the event in a short
 * transaction of its own before {@code track()} returns, so it is durable but not tied to the caller's commit. An
 * event tracked while the transaction is already completing (from an after-commit callback, or a before-commit
 * callback that runs after the outbox wrote its rows) is written in a transaction of its own too.
 */
public final class SpringOutboxTransactions implements OutboxTransactions {

    private final DataSource dataSource;

    /** @param dataSource the outbox's data source, the same object the transaction manager binds its connection to */
    public SpringOutboxTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean join(OutboxRow row, TransactionalOutbox outbox) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            return false;
        }
        RowsKey key = new RowsKey(this, outbox);
        TransactionRows rows = (TransactionRows) TransactionSynchronizationManager.getResource(key);
        if (rows == null) {
            rows = new TransactionRows(key, dataSource, outbox);
            TransactionSynchronizationManager.registerSynchronization(rows);
            TransactionSynchronizationManager.bindResource(key, rows);
        }
        return rows.add(row);
    }

    /** The rows of one outbox in the current transaction are bound under this key (identity of both parts). */
    record RowsKey(SpringOutboxTransactions owner, TransactionalOutbox outbox) {
    }
}
