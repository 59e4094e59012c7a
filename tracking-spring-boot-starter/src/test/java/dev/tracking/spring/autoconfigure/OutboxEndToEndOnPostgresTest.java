package dev.tracking.spring.autoconfigure;

import dev.tracking.support.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The same as {@link OutboxEndToEndTest}, on a real PostgreSQL database (a new one per test). */
class OutboxEndToEndOnPostgresTest extends OutboxEndToEndTest {

    @Override
    String[] database() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        String database = "outbox_" + System.nanoTime();
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return new String[] { "spring.datasource.url=" + server.jdbcUrl(database),
            "spring.datasource.username=postgres", "tracking.outbox.initialize-schema=always" };
    }
}
