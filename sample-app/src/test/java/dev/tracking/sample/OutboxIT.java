package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.contract.OutlitServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app with the profile {@code outbox}, sending to Outlit (played by WireMock), on its H2 file database: an
 * export answered 200 while Outlit is down is already a row of {@code tracking_outbox}; the app stops with Outlit
 * still down, and the next start, which tracks nothing itself, delivers those rows with their original ids and
 * empties the table. Rows that failed for good stay in the table and go out again, with their ids, when an operator
 * replays them through the actuator.
 */
class OutboxIT {

    private static final String PDF = "{\"format\":\"pdf\"}";
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path workingDirectory;

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stopOutlit() {
        outlit.close();
    }

    @Test
    void eventsAnsweredWhileOutlitIsDownGoThroughTheTableAndAreDeliveredAfterARestart() {
        outlit.respond(OutlitServer.json(503, "{\"error\":\"maintenance\"}"));
        Set<String> written;
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = client(app);
            JdbcTemplate database = new JdbcTemplate(app.getBean(DataSource.class));
            for (int i = 1; i <= 3; i++) {
                assertThat(api.post("bob", "/api/reports/export", PDF).status()).isEqualTo(200);
                assertThat(outlitRows(database)).as("rows in the table when export %d was answered", i)
                        .hasSize(1 + i);
            }
            written = Set.copyOf(outlitRows(database));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api.get("bob", "/actuator/tracking").at("/outbox/destinations/outlit/pending").asLong())
                    .isEqualTo(4));
            assertThat(deliveredIds()).as("nothing reached Outlit while it was down").isEmpty();
        }

        outlit.respond(OutlitServer.json(200, "{\"success\":true,\"processed\":4}"));
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate database = new JdbcTemplate(app.getBean(DataSource.class));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(deliveredIds()).containsAll(written);
                assertThat(outlitRows(database)).isEmpty();
            });
        }
        assertThat(outlit.events()).filteredOn(event -> written.contains(event.path("uuid").asString()))
                .extracting(OutboxIT::kind).contains("identify", "custom:report_exported");
    }

    @Test
    void rowsThatFailedForGoodAreReplayedThroughTheActuatorWithTheirIds() {
        outlit.respond(OutlitServer.json(400, "{\"error\":\"bad request\"}"));
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = client(app);
            JdbcTemplate database = new JdbcTemplate(app.getBean(DataSource.class));
            assertThat(api.post("bob", "/api/reports/export", PDF).status()).isEqualTo(200);
            Set<String> written = Set.copyOf(outlitRows(database));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    api.get("bob", "/actuator/tracking").at("/outbox/destinations/outlit/failed").asLong())
                    .isEqualTo(2));
            assertThat(outlitRows(database)).as("failed rows stay in the table").hasSize(2);

            outlit.respond(OutlitServer.json(200, "{\"success\":true,\"processed\":2}"));
            ApiResponse replay = api.post("bob", "/actuator/tracking/outlit", "{\"action\":\"replay-failed\"}");

            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.at("replayed").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(deliveredIds()).containsExactlyInAnyOrderElementsOf(written);
                assertThat(outlitRows(database)).isEmpty();
            });
            assertThat(api.post("bob", "/actuator/tracking/outlit", "{\"action\":\"purge\"}").status())
                    .isEqualTo(400);
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + workingDirectory.resolve("data/sample-app"),
                "--spring.profiles.active=outbox",
                "--tracking.outlit.public-key=" + OutlitServer.PUBLIC_KEY,
                "--tracking.outlit.api-host=" + outlit.wireMock().baseUrl(),
                "--tracking.retry.max-backoff=500ms", "--tracking.shutdown.timeout=2s");
    }

    private static List<String> outlitRows(JdbcTemplate database) {
        return database.queryForList("SELECT message_id FROM tracking_outbox WHERE destination = 'outlit'",
                String.class).stream().map(String::trim).toList();
    }

    /** Ids of the events Outlit accepted (answered 200). */
    private Set<String> deliveredIds() {
        return outlit.wireMock().getAllServeEvents().stream()
                .filter(served -> served.getResponse().getStatus() == 200)
                .flatMap(served -> JSON.readTree(served.getRequest().getBodyAsString()).path("events").valueStream())
                .map(event -> event.path("uuid").asString())
                .collect(Collectors.toSet());
    }

    private static String kind(JsonNode event) {
        String type = event.path("type").asString();
        return "custom".equals(type) ? type + ":" + event.path("eventName").asString() : type;
    }

    private static ApiClient client(ConfigurableApplicationContext app) {
        return new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
