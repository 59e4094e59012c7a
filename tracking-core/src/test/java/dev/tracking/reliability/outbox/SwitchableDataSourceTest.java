package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The outage tests' fault injector does what they rely on. */
class SwitchableDataSourceTest {

    private final SwitchableDataSource database = new SwitchableDataSource(h2());

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:switchable;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void failingRefusesNewConnectionsAndCallsOnOpenOnesButLetsThemClose() throws Exception {
        try (Connection open = database.getConnection(); PreparedStatement statement = open.prepareStatement(
                "SELECT 1")) {
            database.fail();
            assertThatThrownBy(database::getConnection).isInstanceOf(SQLException.class);
            assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> open.prepareStatement("SELECT 2")).isInstanceOf(SQLException.class);
            database.up();
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
            database.fail();
        }
        database.up();
    }

    @Test
    void hangingBlocksCallsUntilTheDatabaseIsUpAgain() throws Exception {
        try (Connection open = database.getConnection()) {
            database.hang();
            CompletableFuture<Boolean> call = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement s = open.prepareStatement("SELECT 1"); ResultSet rs = s.executeQuery()) {
                    return rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofMinutes(1)).until(() -> database.blocked() == 1);
            assertThat(call).isNotDone();
            database.up();
            assertThat(call.get(1, TimeUnit.MINUTES)).isTrue();
        }
    }
}
