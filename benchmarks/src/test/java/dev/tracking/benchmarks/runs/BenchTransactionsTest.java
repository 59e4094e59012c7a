package dev.tracking.benchmarks.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.outbox.OutboxRow;
import dev.tracking.outbox.TransactionalOutbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BenchTransactionsTest {

    private final BenchTransactions transactions = new BenchTransactions();
    private final List<String> calls = new ArrayList<>();

    private final TransactionalOutbox outbox = new TransactionalOutbox() {
        @Override
        public void write(Connection connection, List<OutboxRow> rows) throws SQLException {
            calls.add("write " + rows.size() + (connection.getAutoCommit() ? " auto-commit" : " in transaction"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO written VALUES (" + rows.size() + ")");
            }
        }

        @Override
        public void committed(List<OutboxRow> rows) {
            calls.add("committed " + rows.size());
        }
    };

    private static OutboxRow row() {
        UUID id = UUID.randomUUID();
        return new OutboxRow() {
            @Override
            public String destination() {
                return "outlit";
            }

            @Override
            public UUID messageId() {
                return id;
            }
        };
    }

    @Test
    void withoutATransactionTheOutboxWritesTheRowItself() {
        assertThat(transactions.join(row(), outbox)).isFalse();
        assertThat(calls).isEmpty();
    }

    @Test
    void aTransactionWritesItsRowsOnItsConnectionBeforeItCommitsAndReportsThemAfter() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:bench-transactions");
                Connection other = DriverManager.getConnection("jdbc:h2:mem:bench-transactions")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE written (n INT)");
            }
            transactions.begin(connection);
            assertThat(transactions.join(row(), outbox)).isTrue();
            assertThat(transactions.join(row(), outbox)).isTrue();
            assertThat(calls).isEmpty();

            transactions.commit();

            assertThat(calls).containsExactly("write 2 in transaction", "committed 2");
            try (Statement statement = other.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT n FROM written")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
            assertThat(transactions.join(row(), outbox)).isFalse();
        }
    }
}
