package dev.tracking.spring.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.TransactionalOutbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's binding to Spring transactions, against a real {@link DataSourceTransactionManager} on H2: rows are
 * written in one batch on the transaction's connection when it commits, and never when it rolls back.
 */
class SpringOutboxTransactionsTest {

    private static final AtomicInteger databases = new AtomicInteger();

    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactionManager;
    private TransactionTemplate transaction;
    private RecordingOutbox outbox;
    private SpringOutboxTransactions transactions;

    @BeforeEach
    void setUp() {
        dataSource = h2();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE outbox_rows (message_id VARCHAR(36) PRIMARY KEY, destination VARCHAR(64))");
        transactionManager = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactionManager);
        outbox = new RecordingOutbox();
        transactions = new SpringOutboxTransactions(dataSource);
    }

    @Test
    void aCommitWritesTheTransactionsRowsInOneBatchOnItsConnectionThenHandsThemOver() {
        List<OutboxRow> rows = IntStream.range(0, 10).mapToObj(i -> row("lotus")).toList();
        Connection[] transactionConnection = new Connection[1];

        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO orders VALUES (1)");
            transactionConnection[0] = DataSourceUtils.getConnection(dataSource);
            for (OutboxRow row : rows) {
                assertThat(transactions.join(row, outbox)).isTrue();
            }
            assertThat(outbox.writes).as("nothing is written before the commit").isEmpty();
        });

        assertThat(outbox.writes).singleElement().satisfies(write -> {
            assertThat(write.rows()).containsExactlyElementsOf(rows);
            assertThat(write.connection()).isSameAs(transactionConnection[0]);
            assertThat(write.visibleElsewhere()).as("rows seen from another connection before the commit").isZero();
        });
        assertThat(outbox.committed).singleElement().satisfies(committed -> {
            assertThat(committed.rows()).containsExactlyElementsOf(rows);
            assertThat(committed.visibleElsewhere()).as("rows seen from another connection after the commit")
                    .isEqualTo(10);
        });
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void aRollbackRecordsNothing() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO orders VALUES (1)");
            assertThat(transactions.join(row("lotus"), outbox)).isTrue();
            status.setRollbackOnly();
        });

        assertThat(outbox.writes).isEmpty();
        assertThat(outbox.committed).isEmpty();
        assertThat(count("outbox_rows")).isZero();
        assertThat(count("orders")).isZero();
    }

    @Test
    void anExceptionAfterTrackRecordsNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            assertThat(transactions.join(row("outlit"), outbox)).isTrue();
            throw new IllegalStateException("export failed");
        })).hasMessage("export failed");

        assertThat(outbox.writes).isEmpty();
        assertThat(outbox.committed).isEmpty();
        assertThat(count("outbox_rows")).isZero();
    }

    @Test
    void aThreadWithoutATransactionIsNotJoined() {
        assertThat(transactions.join(row("lotus"), outbox)).isFalse();

        TransactionTemplate supports = new TransactionTemplate(transactionManager);
        supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        supports.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class);
            assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isTrue();
            assertThat(transactions.join(row("lotus"), outbox)).isFalse();
        });
        assertThat(outbox.writes).isEmpty();
    }

    @Test
    void aTransactionOnAnotherDatabaseIsNotJoined() {
        DataSource other = h2();
        TransactionTemplate otherTransaction = new TransactionTemplate(new DataSourceTransactionManager(other));

        otherTransaction.executeWithoutResult(status ->
                assertThat(transactions.join(row("lotus"), outbox)).as("no atomicity across databases").isFalse());
        assertThat(outbox.writes).isEmpty();
    }

    @Test
    void aReadOnlyTransactionIsNotJoined() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        readOnly.executeWithoutResult(status -> assertThat(transactions.join(row("lotus"), outbox)).isFalse());
        assertThat(outbox.writes).isEmpty();
    }

    @Test
    void aFailedWriteFailsTheCommitAndRollsTheBusinessDataBack() {
        outbox.failWrites = true;

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO orders VALUES (1)");
            transactions.join(row("lotus"), outbox);
        })).isInstanceOf(DataAccessException.class).hasRootCauseInstanceOf(SQLException.class);

        assertThat(count("orders")).isZero();
        assertThat(outbox.committed).isEmpty();
    }

    @Test
    void anInnerRequiresNewTransactionWritesItsOwnRowsAtItsOwnCommit() {
        OutboxRow outer = row("lotus");
        OutboxRow inner = row("lotus");
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            assertThat(transactions.join(outer, outbox)).isTrue();
            requiresNew.executeWithoutResult(innerStatus -> assertThat(transactions.join(inner, outbox)).isTrue());
            assertThat(outbox.committed).extracting(Call::rows).containsExactly(List.of(inner));
        });

        assertThat(outbox.writes).extracting(Call::rows).containsExactly(List.of(inner), List.of(outer));
        assertThat(outbox.writes.get(0).connection()).isNotSameAs(outbox.writes.get(1).connection());
        assertThat(outbox.committed).extracting(Call::rows).containsExactly(List.of(inner), List.of(outer));
    }

    @Test
    void aNestedTransactionRolledBackToItsSavepointDropsOnlyItsOwnRows() {
        OutboxRow kept = row("lotus");
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        transaction.executeWithoutResult(status -> {
            assertThat(transactions.join(kept, outbox)).isTrue();
            nested.executeWithoutResult(inner -> {
                transactions.join(row("lotus"), outbox);
                inner.setRollbackOnly();
            });
        });
        assertThat(outbox.writes).extracting(Call::rows).containsExactly(List.of(kept));

        transaction.executeWithoutResult(status -> nested.executeWithoutResult(inner -> {
            assertThat(transactions.join(row("lotus"), outbox)).isTrue();
            inner.setRollbackOnly();
        }));
        assertThat(outbox.writes).as("rows first collected inside the rolled-back savepoint").hasSize(1);
        assertThat(outbox.committed).extracting(Call::rows).containsExactly(List.of(kept));
    }

    @Test
    void anEventTrackedAfterTheCommitIsWrittenInATransactionOfItsOwn() {
        OutboxRow late = row("outlit");
        boolean[] joined = new boolean[1];

        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO orders VALUES (1)");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    joined[0] = transactions.join(late, outbox);
                }
            });
        });

        assertThat(joined[0]).isTrue();
        assertThat(outbox.writes).singleElement().satisfies(write -> {
            assertThat(write.rows()).containsExactly(late);
            assertThat(write.visibleElsewhere()).as("its own transaction, not yet committed").isZero();
        });
        assertThat(outbox.committed).extracting(Call::rows).containsExactly(List.of(late));
        assertThat(count("outbox_rows")).isEqualTo(1);
    }

    @Test
    void asATransactionListenerItLeavesEventsTrackedAfterTheCommitToTheOutbox() {
        transactionManager.addListener(transactions);
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        OutboxRow inNewTransaction = row("lotus");
        boolean[] joined = new boolean[3];

        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO orders VALUES (1)");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    joined[0] = transactions.join(row("outlit"), outbox);
                    requiresNew.executeWithoutResult(inner -> joined[1] = transactions.join(inNewTransaction, outbox));
                }

                @Override
                public void afterCompletion(int status) {
                    joined[2] = transactions.join(row("outlit"), outbox);
                }
            });
        });

        assertThat(joined[0]).as("after the commit").isFalse();
        assertThat(joined[1]).as("in a new transaction begun after the commit").isTrue();
        assertThat(joined[2]).as("after the completion").isFalse();
        assertThat(outbox.writes).extracting(Call::rows).containsExactly(List.of(inNewTransaction));
        assertThat(transactions.join(row("lotus"), outbox)).as("no transaction left on the thread").isFalse();
        transaction.executeWithoutResult(status -> assertThat(transactions.join(row("lotus"), outbox))
                .as("the next transaction").isTrue());
    }

    @Test
    void asATransactionListenerItLeavesEventsTrackedAfterARollbackToTheOutbox() {
        transactionManager.addListener(transactions);
        boolean[] joined = new boolean[2];

        transaction.executeWithoutResult(status -> {
            transactions.join(row("lotus"), outbox);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int completion) {
                    // An @TransactionalEventListener(phase = AFTER_ROLLBACK) runs here, after Spring cleared the
                    // synchronizations: a row joined now would never be written.
                    joined[0] = transactions.join(row("outlit"), outbox);
                }
            });
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int completion) {
                        joined[1] = transactions.join(row("outlit"), outbox);
                    }
                }));

        assertThat(joined[0]).as("after a rollback").isFalse();
        assertThat(joined[1]).as("after a commit that tracked nothing before").isFalse();
        assertThat(outbox.writes).isEmpty();
    }

    @Test
    void anEventTrackedAfterTheRowsWereWrittenIsLeftToTheOutbox() {
        boolean[] joinedLate = new boolean[1];

        transaction.executeWithoutResult(status -> {
            transactions.join(row("lotus"), outbox);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCompletion() {
                    joinedLate[0] = transactions.join(row("lotus"), outbox);
                }
            });
        });

        assertThat(joinedLate[0]).isFalse();
        assertThat(outbox.writes).singleElement().satisfies(write -> assertThat(write.rows()).hasSize(1));
    }

    @Test
    void twoOutboxesInOneTransactionKeepTheirRowsApart() {
        RecordingOutbox second = new RecordingOutbox();
        OutboxRow first = row("lotus");
        OutboxRow other = row("lotus");

        transaction.executeWithoutResult(status -> {
            transactions.join(first, outbox);
            transactions.join(other, second);
        });

        assertThat(outbox.writes).extracting(Call::rows).containsExactly(List.of(first));
        assertThat(second.writes).extracting(Call::rows).containsExactly(List.of(other));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static DataSource h2() {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:outbox-tx-" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static OutboxRow row(String destination) {
        return new TestRow(destination, UUID.randomUUID());
    }

    record TestRow(String destination, UUID messageId) implements OutboxRow {
    }

    record Call(Connection connection, List<OutboxRow> rows, long visibleElsewhere) {
    }

    /** Inserts the rows on the connection it is given, as the real outbox does, and records every call. */
    private final class RecordingOutbox implements TransactionalOutbox {

        final List<Call> writes = new ArrayList<>();
        final List<Call> committed = new ArrayList<>();
        boolean failWrites;

        @Override
        public void write(Connection connection, List<OutboxRow> rows) throws SQLException {
            if (failWrites) {
                throw new SQLException("outbox table unavailable", "08006");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_rows VALUES (?, ?)")) {
                for (OutboxRow row : rows) {
                    insert.setString(1, row.messageId().toString());
                    insert.setString(2, row.destination());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            writes.add(new Call(connection, rows, countElsewhere()));
        }

        @Override
        public void committed(List<OutboxRow> rows) {
            committed.add(new Call(null, rows, countElsewhere()));
        }

        private long countElsewhere() {
            try (Connection other = dataSource.getConnection();
                    var result = other.createStatement().executeQuery("SELECT COUNT(*) FROM outbox_rows")) {
                result.next();
                return result.getLong(1);
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
