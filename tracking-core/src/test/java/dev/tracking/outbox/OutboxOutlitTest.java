package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tracking.ActivationMessage;
import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.IdentifyMessage;
import dev.tracking.Message;
import dev.tracking.RetryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real Outlit destination behind the outbox, against the WireMock stand-in of its server. */
class OutboxOutlitTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:outboxoutlit;DB_CLOSE_DELAY=-1",
            "sa", "");
    private final OutlitServer server = new OutlitServer();

    @AfterEach
    void stop() {
        server.close();
        pool.dispose();
    }

    @Test
    void messagesReachOutlitWithTheirOriginalIdsAndTimestampsAfterAnOutageAndLeaveTheTable() throws Exception {
        OutboxSchema.initialize(pool);
        server.respondInSequence(OutlitServer.json(503, "{\"error\":\"down\"}"),
                WireMock.okJson("{\"success\":true,\"processed\":3}"));
        List<Message> sent = List.of(
                TrackMessage.builder("report_exported").customerId("acme").email("ada@acme.test")
                        .property("rows", 1200).build(),
                IdentifyMessage.builder().email("ada@acme.test").trait("name", "Ada").build(),
                ActivationMessage.activated().email("ada@acme.test").build());
        try (Tracker tracker = Tracker.builder().outlit(server.outlitOptions())
                .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMillis(20))
                        .retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(10)).build()).build())
                .outbox(OutboxOptions.builder(pool).pollInterval(Duration.ofMillis(50)).build()).build()) {
            tracker.track((TrackMessage) sent.get(0));
            tracker.identify((IdentifyMessage) sent.get(1));
            tracker.activate((ActivationMessage) sent.get(2));
            assertThat(tracker.flush(Duration.ofSeconds(30))).isTrue();

            List<JsonNode> events = server.events();
            for (Message message : sent) {
                assertThat(events).filteredOn(e -> e.path("uuid").asString().equals(message.id().toString()))
                        .extracting(e -> e.path("timestamp").asLong())
                        .contains(message.timestamp().toEpochMilli());
            }
            assertThat(server.requests().size()).as("the 503 was retried").isGreaterThan(1);
            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.delivered()).isEqualTo(3);
            assertThat(stats.pending()).isZero();
            assertThat(tracker.outbox().orElseThrow().destinations()).containsExactly("outlit");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tracking_outbox")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
