package dev.tracking.local.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcSchemaTest {

    @Test
    void initializingTwiceLeavesTheTablesAsTheyAre() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jdbc-schema-twice;DB_CLOSE_DELAY=-1");

        JdbcSchema.initialize(h2);
        JdbcSchema.initialize(h2);

        try (Connection connection = h2.getConnection()) {
            for (String table : new String[] {"tracking_customer", "tracking_subscription", "tracking_usage"}) {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertThat(rows.next()).as(table).isTrue();
                    assertThat(rows.getLong(1)).as(table).isZero();
                }
            }
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsALocalStoreException() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:jdbc-schema-missing;IFEXISTS=TRUE");

        assertThatThrownBy(() -> JdbcSchema.initialize(missing)).isInstanceOf(LocalStoreException.class)
                .hasMessageStartingWith("could not create the local store's tables: ")
                .hasCauseInstanceOf(SQLException.class);
    }
}
