package dev.tracking.spring.outbox;

import dev.tracking.outbox.DatabaseErrors;
import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.TransactionalOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox rows of one transaction, and the synchronization that writes them before it commits. Used only on the
 * transaction's thread.
 */
final class TransactionRows implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(TransactionRows.class);
    private static final AtomicBoolean lateWriteFailureLogged = new AtomicBoolean();

    private enum State { COLLECTING, WRITTEN, SETTLED }

    private final SpringOutboxTransactions.RowsKey key;
    private final DataSource dataSource;
    private final TransactionalOutbox outbox;
    private final List<OutboxRow> rows = new ArrayList<>();
    private final Map<Object, Integer> savepoints = new IdentityHashMap<>();
    private State state = State.COLLECTING;

    TransactionRows(SpringOutboxTransactions.RowsKey key, DataSource dataSource, TransactionalOutbox outbox) {
        this.key = key;
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Adds a row while the transaction has not begun to commit; {@code false} afterwards. */
    boolean add(OutboxRow row) {
        if (state != State.COLLECTING) {
            return false;
        }
        rows.add(row);
        return true;
    }

    @Override
    public void savepoint(Object savepoint) {
        savepoints.put(savepoint, rows.size());
    }

    @Override
    public void savepointRollback(Object savepoint) {
        // A savepoint created before these rows were first collected (unknown here) precedes all of them.
        int mark = savepoints.getOrDefault(savepoint, 0);
        rows.subList(Math.min(mark, rows.size()), rows.size()).clear();
    }

    @Override
    public void suspend() {
        if (TransactionSynchronizationManager.getResource(key) == this) {
            TransactionSynchronizationManager.unbindResource(key);
        }
    }

    @Override
    public void resume() {
        if (state == State.COLLECTING && !TransactionSynchronizationManager.hasResource(key)) {
            TransactionSynchronizationManager.bindResource(key, this);
        }
    }

    /** Writes the rows on the transaction's connection; a failure fails the commit, and the transaction rolls back. */
    @Override
    public void beforeCommit(boolean readOnly) {
        state = State.WRITTEN;
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            outbox.write(connection, List.copyOf(rows));
        }
        catch (SQLException ex) {
            throw translate(ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void afterCommit() {
        settleCommitted();
    }

    @Override
    public void afterCompletion(int status) {
        if (TransactionSynchronizationManager.getResource(key) == this) {
            TransactionSynchronizationManager.unbindResource(key);
        }
        if (status == STATUS_COMMITTED) {
            settleCommitted();
        }
        rows.clear();
        state = State.SETTLED;
    }

    private void settleCommitted() {
        if (state == State.WRITTEN && !rows.isEmpty()) {
            committed(List.copyOf(rows));
        }
        else if (state == State.COLLECTING && !rows.isEmpty()) {
            writeAlone();
        }
        state = State.SETTLED;
    }

    /**
     * Rows collected after this transaction's before-commit phase had passed (tracked from a completion callback):
     * the transaction is over, so they get a short transaction of their own on a connection of their own.
     */
    private void writeAlone() {
        List<OutboxRow> late = List.copyOf(rows);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                outbox.write(connection, late);
                connection.commit();
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException | RuntimeException ex) {
            if (lateWriteFailureLogged.compareAndSet(false, true)) {
                log.warn("Could not write {} outbox row(s) tracked after their transaction had committed; they are"
                        + " lost: {}", late.size(), DatabaseErrors.describe(ex));
            }
            else {
                log.debug("Could not write {} outbox row(s) tracked after their transaction had committed: {}",
                        late.size(), DatabaseErrors.describe(ex));
            }
            return;
        }
        committed(late);
    }

    /** The commit is done: nothing that happens now may reach the code that committed. */
    private void committed(List<OutboxRow> written) {
        try {
            outbox.committed(written);
        }
        catch (RuntimeException ex) {
            log.warn("The outbox failed to take {} committed row(s); they stay in the table and are sent from there: {}",
                    written.size(), DatabaseErrors.describe(ex));
        }
    }

    private static DataAccessException translate(SQLException ex) {
        DataAccessException translated = new SQLExceptionSubclassTranslator().translate("tracking outbox write", null, ex);
        return translated != null ? translated : new UncategorizedSQLException("tracking outbox write", null, ex);
    }
}
