package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.IdentifyMessage;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.spi.SendResult;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.tracking.lotus.LotusFixture.API_KEY;
import static dev.tracking.lotus.LotusFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LotusDestinationTest {

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    @RegisterExtension
    static LotusContractCheck contract = LotusContractCheck.requests(lotus);

    private LotusDestination destination;

    @BeforeEach
    void createDestination() {
        LotusOptions options = LotusFixture.options(lotus);
        destination = new LotusDestination(options, LotusFixture.http(options), LotusFixture.CLOCK, () -> { });
    }

    @Test
    void sendsOneBatchWithMillisecondUtcTimesAndPropertiesAsJson() throws Exception {
        stubTrack(201, "{\"success\":\"all\",\"failed_events\":null}");
        TrackMessage first = TrackMessage.builder("report_exported").customerId("cust/1 ü")
                .timestamp(Instant.parse("2026-11-22T10:15:30.123456789Z"))
                .property("format", "pdf").property("pages", 12).property("size", new BigDecimal("1.50"))
                .property("color", true).property("tags", List.of("a", "b")).property("missing", null).build();
        TrackMessage second = event("cust-2", Instant.parse("2026-11-21T00:00:00Z"));

        SendResult result = destination.send(List.of(first, second));

        assertThat(result.allDelivered()).isTrue();
        LoggedRequest request = lotus.getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo("/api/track/");
        assertThat(request.getHeader("X-API-KEY")).isEqualTo(API_KEY);
        JsonNode batch = LotusFixture.body(request).get("batch");
        assertThat(batch.size()).isEqualTo(2);
        JsonNode event = batch.get(0);
        assertThat(event.get("customer_id").asString()).isEqualTo("cust/1 ü");
        assertThat(event.get("event_name").asString()).isEqualTo("report_exported");
        assertThat(event.get("idempotency_id").asString()).isEqualTo(first.id().toString());
        assertThat(event.get("time_created").asString()).isEqualTo("2026-11-22T10:15:30.123Z");
        JsonNode properties = event.get("properties");
        assertThat(properties.get("format").asString()).isEqualTo("pdf");
        assertThat(properties.get("pages").isNumber()).isTrue();
        assertThat(properties.get("pages").asInt()).isEqualTo(12);
        assertThat(properties.get("size").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(properties.get("color").isBoolean()).isTrue();
        assertThat(properties.get("color").asBoolean()).isTrue();
        assertThat(properties.get("tags").isArray()).isTrue();
        assertThat(properties.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(properties.has("missing")).isFalse();
        assertThat(batch.get(1).get("time_created").asString()).isEqualTo("2026-11-21T00:00:00.000Z");
    }

    @Test
    void retriesOnlyTheEventsTheServerFailedToProduceToKafka() throws Exception {
        TrackMessage ok = event("c1", NOW);
        TrackMessage kafka = event("c2", NOW);
        TrackMessage rejected = event("c3", NOW);
        stubTrack(201, "{\"success\":\"some\",\"failed_events\":{\"" + kafka.id()
                + "\":\"Failed to produce event to kafka: broker down\",\"" + rejected.id()
                + "\":\"Time created too far in the past or future.\"}}");

        SendResult result = destination.send(List.of(ok, kafka, rejected));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.DELIVERED);
        assertThat(result.outcome(1)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.outcome(2)).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.failure(2).reason()).isEqualTo("rejected");
        assertThat(result.failure(2).detail()).isEqualTo("Time created too far in the past or future.");
    }

    @Test
    void aBatchTheServerRefusedEntirelyFailsEventByEvent() throws Exception {
        TrackMessage kafka = event("c1", NOW);
        TrackMessage rejected = event("c2", NOW);
        stubTrack(400, "{\"success\":\"none\",\"failed_events\":{\"" + kafka.id()
                + "\":\"Failed to produce event to kafka\",\"" + rejected.id() + "\":\"No customer_id provided\"}}");

        SendResult result = destination.send(List.of(kafka, rejected));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.outcome(1)).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.failure(1).detail()).isEqualTo("No customer_id provided");
    }

    @Test
    void anInvalidJsonAnswerRejectsTheWholeBatch() throws Exception {
        stubTrack(400, "{\"success\":\"none\",\"failed_events\":{\"no_idempotency_id\":\"Invalid JSON\"}}");

        SendResult result = destination.send(List.of(event("c1", NOW), event("c2", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.outcome(1)).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.failure(0).detail()).contains("Invalid JSON");
    }

    @Test
    void aSuccessStatusWithoutLotussAnswerIsRetriedAsUnexpectedResponse() throws Exception {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>proxy login</html>")));

        SendResult result = destination.send(List.of(event("c1", NOW), event("c2", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.outcome(1)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.failure(0).reason()).isEqualTo("unexpected_response");
        assertThat(result.failure(0).detail()).contains("HTTP 200").contains("text/html").contains("<html>proxy login");

        stubTrack(201, "[]");
        assertThat(destination.send(List.of(event("c1", NOW))).failure(0).reason()).isEqualTo("unexpected_response");
    }

    @Test
    void aRefusedKeyFailsTheBatchAsCredentialsRejected() throws Exception {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(403)
                .withBody("{\"detail\":\"Authentication credentials were not provided.\"}")));

        SendResult result = destination.send(List.of(event("c1", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.failure(0).credentialsRejected()).isTrue();
        assertThat(result.failure(0).reason()).isEqualTo("http_403");
        assertThat(result.failure(0).detail()).doesNotContain(API_KEY);
    }

    @Test
    void thePlainTextInvalidKeyAnswerAlsoRejectsTheCredentials() throws Exception {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(400).withBody("Invalid API key")));

        SendResult result = destination.send(List.of(event("c1", NOW)));

        assertThat(result.failure(0).credentialsRejected()).isTrue();
        assertThat(result.failure(0).detail()).contains("Invalid API key");
    }

    @Test
    void serverTroubleIsRetriedAfterTheWaitTheServerAsksFor() throws Exception {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

        SendResult result = destination.send(List.of(event("c1", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.failure(0).reason()).isEqualTo("http_503");
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void tooManyRequestsHonoursAnHttpDate() throws Exception {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Sun, 22 Nov 2026 10:20:30 GMT")));

        SendResult result = destination.send(List.of(event("c1", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsRetried() throws Exception {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));
        LotusOptions options = LotusFixture.options(lotus);
        LotusHttp impatient = new LotusHttp(options, Duration.ofSeconds(1), Duration.ofMillis(200));
        LotusDestination hurried = new LotusDestination(options, impatient, LotusFixture.CLOCK, () -> { });

        SendResult result = hurried.send(List.of(event("c1", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.failure(0).reason()).isEqualTo("timeout");
    }

    @Test
    void anUnreachableServerIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LotusOptions options = LotusOptions.of(API_KEY, URI.create("http://127.0.0.1:" + closedPort));
        LotusDestination unreachable = new LotusDestination(options, LotusFixture.http(options), LotusFixture.CLOCK,
                () -> { });

        SendResult result = unreachable.send(List.of(event("c1", NOW)));

        assertThat(result.outcome(0)).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.failure(0).reason()).isEqualTo("connection");
        assertThat(result.failure(0).detail()).doesNotContain(API_KEY);
    }

    @Test
    void takesOnlyUsageEventsWithACustomer() {
        Message identify = IdentifyMessage.builder().email("a@example.com").build();
        TrackMessage noCustomer = TrackMessage.builder("api_call").userId("u1").build();

        assertThat(destination.name()).isEqualTo("lotus");
        assertThat(destination.skipReason(identify)).isEqualTo("not_a_usage_event");
        assertThat(destination.skipReason(noCustomer)).isEqualTo("no_customer_id");
        assertThat(destination.skipReason(event("c1", NOW))).isNull();
        assertThat(destination.maxBatchSize()).isEqualTo(LotusDestination.MAX_BATCH_SIZE);
    }

    @Test
    void refusesEventsOutsideTheServersTimeWindow() {
        destination.validate(event("c1", NOW.minus(Duration.ofDays(30))));
        destination.validate(event("c1", NOW.plus(Duration.ofDays(1))));

        assertThatIllegalArgumentException().isThrownBy(() -> destination.validate(event("c1",
                NOW.minus(Duration.ofDays(30)).minusMillis(1)))).withMessageContaining("timestamp");
        assertThatIllegalArgumentException().isThrownBy(() -> destination.validate(event("c1",
                NOW.plus(Duration.ofDays(1)).plusMillis(1)))).withMessageContaining("timestamp");
    }

    private static TrackMessage event(String customerId, Instant at) {
        return TrackMessage.builder("api_call").customerId(customerId).timestamp(at).property("n", 1).build();
    }

    private static void stubTrack(int status, String body) {
        lotus.stubFor(post("/api/track/").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
