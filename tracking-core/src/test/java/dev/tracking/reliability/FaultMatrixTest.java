package dev.tracking.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tracking.contract.OutlitServer.json;
import static dev.tracking.reliability.Accounting.senderAlive;
import static dev.tracking.reliability.Accounting.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.RetryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import dev.tracking.outlit.OutlitOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outlit's ingest endpoint misbehaving in every way a network and a server can: each fault has its documented
 * outcome, the accounting identity is exact, and an outage shorter than the delivery timeout loses nothing.
 */
class FaultMatrixTest {

    /** Many short retries: more attempts than the old attempt cap allowed, well inside the delivery timeout. */
    static final DeliveryOptions DELIVERY = DeliveryOptions.builder()
            .flushInterval(Duration.ofSeconds(30))
            .httpTimeout(Duration.ofMillis(1000))
            .shutdownTimeout(Duration.ofSeconds(5))
            .retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(1))
                    .maxBackoff(Duration.ofMillis(5)).deliveryTimeout(Duration.ofSeconds(30)).build())
            .build();

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsForAStretchThenRecoveryLoseNothing(int status) {
        outlit.respondInSequence(outage(json(status, "{\"success\":false,\"message\":\"down\"}"), 12));

        DestinationStats stats = sendAndFlush(10);

        assertThat(stats.delivered()).isEqualTo(10);
        assertThat(stats.failed()).isZero();
        assertThat(outlit.requests()).hasSize(13);
    }

    @Test
    void whileTheServerFailsTheQueueKeepsAcceptingUpToItsCapacityAndDropsOnlyBeyondIt() {
        outlit.respond(json(503, "{\"success\":false}"));
        DeliveryOptions small = DELIVERY.toBuilder().queueCapacity(10).build();
        try (Tracker tracker = Tracker.builder().outlit(outlit.outlitOptions()).delivery(small).build()) {
            tracker.track(event(0));
            var first = tracker.flush();
            await().until(() -> tracker.stats().get(0).consecutiveFailures() >= 3);
            for (int i = 1; i <= 30; i++) {
                tracker.track(event(i));
            }
            DestinationStats during = tracker.stats().get(0);
            assertThat(during.accepted()).isEqualTo(31);
            assertThat(during.pending()).isGreaterThanOrEqualTo(11);
            assertThat(during.droppedByReason()).containsOnlyKeys("queue_full");

            outlit.respond(okJson("{\"success\":true}"));
            first.join();
            tracker.flush().join();
            DestinationStats stats = settled(tracker);
            assertThat(stats.dropped()).isEqualTo(during.dropped());
            assertThat(stats.delivered()).isEqualTo(31 - during.dropped()).isGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void connectionsResetMidResponseForAStretchLoseNothing() {
        outlit.respondInSequence(outage(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 8));

        assertThat(sendAndFlush(10).delivered()).isEqualTo(10);
    }

    @Test
    void garbageThenCloseIsRetriedLikeAReset() {
        outlit.respondInSequence(outage(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), 3));

        assertThat(sendAndFlush(5).delivered()).isEqualTo(5);
    }

    @Test
    void aServerThatDoesNotAnswerIsRetriedAfterTheRequestTimeout() {
        outlit.respondInSequence(outage(okJson("{\"success\":true}").withFixedDelay(3_000), 2));

        DestinationStats stats = sendAndFlush(5);

        assertThat(stats.delivered()).isEqualTo(5);
        assertThat(stats.lastFailure().reason()).isEqualTo("timeout");
    }

    @Test
    void refusedConnectionsUntilTheServerStartsLoseNothing() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        WireMockServer late = new WireMockServer(wireMockConfig().port(port));
        OutlitOptions options = OutlitOptions.of(OutlitServer.PUBLIC_KEY)
                .withApiHost(URI.create("http://localhost:" + port));
        try (Tracker tracker = Tracker.builder().outlit(options).delivery(DELIVERY).build()) {
            for (int i = 0; i < 5; i++) {
                tracker.track(event(i));
            }
            var flushed = tracker.flush();
            await().until(() -> tracker.stats().get(0).consecutiveFailures() >= 5);
            assertThat(tracker.stats().get(0).lastFailure().reason()).isEqualTo("connection");
            assertThat(tracker.queueSize()).isEqualTo(5);

            late.start();
            late.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(okJson("{\"success\":true}")));
            flushed.join();
            assertThat(settled(tracker).delivered()).isEqualTo(5);
        } finally {
            late.stop();
        }
    }

    @Test
    void tooManyRequestsWithRetryAfterInSecondsIsWaitedOut() {
        outlit.respondInSequence(outage(json(429, "{\"success\":false}").withHeader("Retry-After", "1"), 2));

        assertThat(sendAndFlush(3).delivered()).isEqualTo(3);
        List<LoggedRequest> requests = outlit.requests();
        assertThat(requests).hasSize(3);
        for (int i = 1; i < requests.size(); i++) {
            assertThat(requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime())
                    .isGreaterThanOrEqualTo(1_000);
        }
    }

    @Test
    void tooManyRequestsForLongerThanAnAttemptCapWouldAllowLosesNothing() {
        outlit.respondInSequence(outage(json(429, "{\"success\":false}").withHeader("Retry-After", "0"), 10));

        assertThat(sendAndFlush(4).delivered()).isEqualTo(4);
        assertThat(outlit.requests()).hasSize(11);
    }

    @Test
    void tooManyRequestsWithRetryAfterAsADateIsWaitedOut() {
        Instant notBefore = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(notBefore.atOffset(ZoneOffset.UTC));
        outlit.respondInSequence(json(429, "{\"success\":false}").withHeader("Retry-After", date),
                okJson("{\"success\":true}"));

        assertThat(sendAndFlush(3).delivered()).isEqualTo(3);
        assertThat(outlit.requests().get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(notBefore);
    }

    @Test
    void anHtmlPageWithStatus200IsNotProofAndIsRetriedUntilTheRealServerAnswers() {
        ResponseDefinitionBuilder proxyPage = aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Welcome to nginx!</body></html>");
        outlit.respondInSequence(outage(proxyPage, 4));

        DestinationStats stats = sendAndFlush(6);

        assertThat(stats.delivered()).isEqualTo(6);
        assertThat(outlit.requests()).hasSize(5);
    }

    @Test
    void aPersistentHtmlPageFailsAsUnexpectedResponseAfterTheDeliveryTimeoutNamingWhatCame() {
        outlit.respond(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><title>Wrong place</title>"));
        DeliveryOptions shortTimeout = DELIVERY.toBuilder().httpTimeout(Duration.ofSeconds(5))
                .retry(DELIVERY.retry().toBuilder().deliveryTimeout(Duration.ofMillis(300)).build()).build();

        DestinationStats stats = sendAndFlush(4, shortTimeout);

        assertThat(stats.delivered()).isZero();
        assertThat(stats.failedByReason()).containsOnlyKeys("retries_exhausted").containsEntry("retries_exhausted", 4L);
        assertThat(stats.lastFailure().reason()).isEqualTo("unexpected_response");
        assertThat(stats.lastFailure().detail()).contains("HTTP 200")
                .contains("text/html").contains("<!DOCTYPE html><title>Wrong place");
    }

    @Test
    void anEmptySuccessIsNotProofEither() {
        outlit.respondInSequence(aResponse().withStatus(200), aResponse().withStatus(204),
                okJson("{\"success\":true,\"processed\":2}"));

        DestinationStats stats = sendAndFlush(2);

        assertThat(stats.delivered()).isEqualTo(2);
        assertThat(outlit.requests()).hasSize(3);
    }

    @Test
    void aPartialAnswerFailsTheListedEventsAndDeliversTheRest() {
        outlit.respond(json(207, "{\"success\":false,\"errors\":[{\"index\":1,\"message\":\"bad event\"}]}"));

        DestinationStats stats = sendAndFlush(3);

        assertThat(stats.delivered()).isEqualTo(2);
        assertThat(stats.failedByReason()).containsOnly(java.util.Map.entry("rejected", 1L));
        assertThat(outlit.requests()).hasSize(1);
    }

    @Test
    void unauthorizedFailsForGoodWithoutRetrying() {
        outlit.respond(json(401, "{\"success\":false,\"message\":\"Unauthorized\"}"));

        DestinationStats stats = sendAndFlush(3);

        assertThat(stats.failedByReason()).containsOnly(java.util.Map.entry("http_401", 3L));
        assertThat(stats.credentialsRejected()).isTrue();
        assertThat(outlit.requests()).hasSize(1);
    }

    private DestinationStats sendAndFlush(int events) {
        return sendAndFlush(events, DELIVERY);
    }

    private DestinationStats sendAndFlush(int events, DeliveryOptions delivery) {
        try (Tracker tracker = Tracker.builder().outlit(outlit.outlitOptions()).delivery(delivery).build()) {
            for (int i = 0; i < events; i++) {
                tracker.track(event(i));
            }
            tracker.flush().join();
            assertThat(senderAlive("outlit")).isTrue();
            DestinationStats stats = settled(tracker);
            assertThat(stats.accepted()).isEqualTo(events);
            return stats;
        }
    }

    /** {@code fault} {@code times} in a row, then Outlit's success. */
    private static ResponseDefinitionBuilder[] outage(ResponseDefinitionBuilder fault, int times) {
        List<ResponseDefinitionBuilder> sequence = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sequence.add(fault);
        }
        sequence.add(okJson("{\"success\":true,\"processed\":1}"));
        return sequence.toArray(ResponseDefinitionBuilder[]::new);
    }

    private static TrackMessage event(int n) {
        return TrackMessage.builder("report_exported").userId("u" + n).property("n", n).build();
    }
}
