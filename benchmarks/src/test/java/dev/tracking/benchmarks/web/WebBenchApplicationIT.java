package dev.tracking.benchmarks.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Tracker;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalStore;
import dev.tracking.local.jdbc.JdbcLocalStore;
import dev.tracking.support.EmbeddedPostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class WebBenchApplicationIT {

    private static final byte[] KNOWN = LoadConnection.post("/api/reports/export",
            ExportController.CUSTOMER_HEADER + ": " + WebStore.customerId(3) + "\r\n", "{\"format\":\"csv\"}");
    private static final byte[] UNKNOWN = LoadConnection.post("/api/reports/export",
            ExportController.CUSTOMER_HEADER + ": nobody\r\n", "{\"format\":\"csv\"}");
    private static final byte[] INVALID = LoadConnection.post("/api/reports/export",
            ExportController.CUSTOMER_HEADER + ": " + WebStore.customerId(3) + "\r\n", "{\"format\":\"gif\"}");
    private static final byte[] SETTLE = LoadConnection.post("/bench/settle", "", "{}");

    @Test
    void withTheAnnotationsTheEndpointIsGatedAndTracked() throws IOException, InterruptedException {
        try (ConfigurableApplicationContext app = WebBenchApplication.start(WebStore.IN_MEMORY, true);
                LoadConnection connection = new LoadConnection(WebBenchApplication.port(app))) {
            assertThat(connection.exchange(KNOWN)).isEqualTo(200);
            assertThat(connection.exchange(UNKNOWN)).isEqualTo(403);
            assertThat(connection.exchange(INVALID)).isEqualTo(400);

            LoadRun.Outcome outcome = new LoadRun(WebBenchApplication.port(app), 2).run(0.5);

            assertThat(outcome.requests()).isPositive();
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.latencies()).hasSize((int) outcome.requests());
            assertThat(connection.exchangeForBody(SETTLE))
                    .contains("\"flushed\":true", "\"accepted\":" + (outcome.requests() + 1) + ",", "\"dropped\":0");
        }
    }

    @Test
    void withoutThemTheSameEndpointNeitherGatesNorTracks() throws IOException {
        try (ConfigurableApplicationContext app = WebBenchApplication.start(WebStore.IN_MEMORY, false);
                LoadConnection connection = new LoadConnection(WebBenchApplication.port(app))) {
            assertThat(connection.exchange(KNOWN)).isEqualTo(200);
            assertThat(connection.exchange(UNKNOWN)).isEqualTo(200);
            assertThat(connection.exchangeForBody(SETTLE)).contains("\"accepted\":0,");
        }
    }

    @Test
    void theInMemoryStoreRunsWithoutADataSource() {
        try (ConfigurableApplicationContext app = WebBenchApplication.start(WebStore.IN_MEMORY, true)) {
            assertThat(app.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(store(app)).isNotInstanceOf(JdbcLocalStore.class);
        }
    }

    @Test
    void onPostgreSqlTheGateConsumesInTheDatabase() throws IOException, SQLException {
        String url = newPostgresDatabase("web_it");
        try (ConfigurableApplicationContext app = WebBenchApplication.start(WebStore.POSTGRESQL, url, true);
                LoadConnection connection = new LoadConnection(WebBenchApplication.port(app))) {
            assertThat(store(app)).isInstanceOf(JdbcLocalStore.class);

            assertThat(connection.exchange(KNOWN)).isEqualTo(200);
            assertThat(connection.exchange(KNOWN)).isEqualTo(200);
            assertThat(connection.exchange(UNKNOWN)).isEqualTo(403);

            LocalBackend backend = LocalBackend.usedBy(app.getBean(Tracker.class)).orElseThrow();
            assertThat(backend.usage(WebStore.customerId(3), ExportController.EVENT)).isEqualTo(2);
        }
    }

    private static LocalStore store(ConfigurableApplicationContext app) {
        return LocalBackend.usedBy(app.getBean(Tracker.class)).orElseThrow().store();
    }

    private static String newPostgresDatabase(String name) throws SQLException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        try (Connection connection = server.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl(name);
    }
}
