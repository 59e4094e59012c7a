package dev.tracking.spring.outbox;

import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.outbox.TransactionalOutbox;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
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
 * transaction of its own before {@code track()} returns, so it is durable but not tied to the caller's commit.
 *
 * <p>It is also a {@link TransactionExecutionListener}, which Spring Boot adds to the transaction managers it
 * configures: so it knows when a transaction has begun to commit, and an event tracked from then on (in an
 * after-commit callback such as a default {@code @TransactionalEventListener}) is left to the outbox like one outside
 * a transaction. Under a transaction manager without the listener, such an event is written in a transaction of its
 * own right after the commit instead (and lost, logged, if the database refuses that write).
 */
public final class SpringOutboxTransactions implements OutboxTransactions, TransactionExecutionListener {

    private final DataSource dataSource;

    /** The new transactions running on each thread, innermost first, and whether each has begun to commit. */
    private final ThreadLocal<Deque<Phase>> phases = new ThreadLocal<>();

    /** @param dataSource the outbox's data source, the same object the transaction manager binds its connection to */
    public SpringOutboxTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean join(OutboxRow row, TransactionalOutbox outbox) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || !TransactionSynchronizationManager.hasResource(dataSource)
                || committing()) {
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

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null && transaction.isNewTransaction()) {
            Deque<Phase> running = phases.get();
            if (running == null) {
                running = new ArrayDeque<>();
                phases.set(running);
            }
            running.push(new Phase(transaction));
        }
    }

    /** Called after the before-commit and before-completion callbacks, just before the commit itself. */
    @Override
    public void beforeCommit(TransactionExecution transaction) {
        Deque<Phase> running = phases.get();
        if (running != null && !running.isEmpty() && running.peek().transaction == transaction) {
            running.peek().committing = true;
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        ended(transaction);
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        ended(transaction);
    }

    private void ended(TransactionExecution transaction) {
        Deque<Phase> running = phases.get();
        if (running == null) {
            return;
        }
        running.removeIf(phase -> phase.transaction == transaction);
        if (running.isEmpty()) {
            phases.remove();
        }
    }

    /** Whether the innermost transaction of this thread has begun to commit (as far as the listener knows). */
    private boolean committing() {
        Deque<Phase> running = phases.get();
        return running != null && !running.isEmpty() && running.peek().committing;
    }

    /** One new transaction on this thread. */
    private static final class Phase {

        final TransactionExecution transaction;
        boolean committing;

        Phase(TransactionExecution transaction) {
            this.transaction = transaction;
        }
    }

    /** The rows of one outbox in the current transaction are bound under this key (identity of both parts). */
    record RowsKey(SpringOutboxTransactions owner, TransactionalOutbox outbox) {
    }
}
