package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.local.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every dialect ships the same table, created only when absent. */
class OutboxSchemaTest {

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void everyDialectCreatesTheTableWithItsColumnsOnlyWhenAbsent(JdbcDialect dialect) {
        String table = String.join(";", OutboxSchema.statements(dialect));
        assertThat(table).startsWith("CREATE TABLE IF NOT EXISTS tracking_outbox (");
        assertThat(table).contains("seq BIGINT", "destination VARCHAR(64) NOT NULL", "message_id CHAR(36) NOT NULL",
                "payload", "created_at BIGINT NOT NULL", "claimed_by VARCHAR(64)", "claimed_until BIGINT",
                "attempts INT", "failed_reason VARCHAR(64)", "failed_detail VARCHAR(1000)", "failed_at BIGINT",
                "UNIQUE (destination, message_id)", "tracking_outbox_due_ix");
        assertThat(OutboxSchema.statements(dialect)).allMatch(sql -> sql.contains("IF NOT EXISTS"));
    }

    @Test
    void theMysqlTableStoresEveryCharacterWhateverTheDatabasesDefault() {
        assertThat(OutboxSchema.statements(JdbcDialect.MYSQL)).singleElement().asString()
                .endsWith("ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
    }

    @Test
    void initializingTwiceLeavesTheTableAsItIs() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:outbox-schema-twice;DB_CLOSE_DELAY=-1");

        OutboxSchema.initialize(h2);
        OutboxSchema.initialize(h2);

        try (Connection connection = h2.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM tracking_outbox")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAnIllegalStateNamingTheTable() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:outbox-schema-missing;IFEXISTS=TRUE");

        assertThatThrownBy(() -> OutboxSchema.initialize(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("could not create the tracking_outbox table: ")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void noDataSourceIsRefusedByName() {
        assertThatThrownBy(() -> OutboxSchema.initialize(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataSource must not be null");
    }
}
