package dev.tracking.lotus;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.RetryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingApiException;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tracking.lotus.LotusAnswers.PLAN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LotusTrackerTest {

    @RegisterExtension
    static WireMockExtension lotus = LotusFixture.server();

    @RegisterExtension
    static LotusContractCheck contract = LotusContractCheck.requests(lotus);

    private final DeliveryOptions delivery = DeliveryOptions.builder().flushInterval(Duration.ofMinutes(1))
            .retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(5))
                    .maxBackoff(Duration.ofMillis(20)).build())
            .build();

    @Test
    void onlyTheEventsLotusFailedToProduceToKafkaAreSentAgain() {
        TrackMessage ok = event("acme");
        TrackMessage unlucky = event("acme");
        lotus.stubFor(post("/api/track/").inScenario("kafka").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":\"some\",\"failed_events\":{\"" + unlucky.id()
                                + "\":\"Failed to produce event to kafka: timeout\"}}"))
                .willSetStateTo("recovered"));
        lotus.stubFor(post("/api/track/").inScenario("kafka").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"success\":\"all\",\"failed_events\":null}").withStatus(201)));

        try (Tracker tracker = lotusTracker()) {
            tracker.track(ok);
            tracker.track(unlucky);
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.delivered()).isEqualTo(2);
            assertThat(stats.failed()).isZero();
        }
        List<List<String>> sentIds = LotusFixture.requests(lotus).stream()
                .map(r -> ids(LotusFixture.body(r))).collect(Collectors.toList());
        assertThat(sentIds).containsExactly(List.of(unlucky.id().toString()),
                List.of(ok.id().toString(), unlucky.id().toString()));
    }

    @Test
    void aLotusOnlyTrackerRefusesAnEventWithoutCustomer() {
        try (Tracker tracker = lotusTracker()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> tracker.track(TrackMessage.builder("api_call").userId("u1").build()))
                    .withMessageContaining("no_customer_id");
        }
    }

    @Test
    void besideAnotherDestinationLotusSkipsAnEventWithoutCustomerAndCountsWhy() {
        ScriptedDestination other = new ScriptedDestination("other");
        try (Tracker tracker = Tracker.builder().lotus(LotusFixture.options(lotus)).destination(other)
                .delivery(delivery).build()) {
            tracker.track(TrackMessage.builder("api_call").userId("u1").build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

            DestinationStats lotusStats = tracker.stats().stream().filter(s -> s.destination().equals("lotus"))
                    .findFirst().orElseThrow();
            assertThat(lotusStats.droppedByReason()).isEqualTo(Map.of("no_customer_id", 1L));
            assertThat(other.batches()).hasSize(1);
        }
        assertThat(lotus.getAllServeEvents()).isEmpty();
    }

    @Test
    void eventsTrackedThroughTheTrackerCountAgainstTheCachedLimit() {
        lotus.stubFor(post("/api/track/").willReturn(okJson("{\"success\":\"all\",\"failed_events\":null}")
                .withStatus(201)));
        lotus.stubFor(get(urlPathEqualTo("/api/customer_metric_access/")).willReturn(okJson(LotusAnswers.array(
                LotusAnswers.usageOfSubscription(PLAN_ID, LotusAnswers.component("9", "null", "10"))))));

        try (Tracker tracker = lotusTracker()) {
            assertThat(tracker.entitlements().checkEvent("acme", "api_call").allowed()).isTrue();
            tracker.track(TrackMessage.builder("api_call").customerId("acme").build());

            assertThat(tracker.entitlements().checkEvent("acme", "api_call").allowed()).isFalse();
        }
    }

    @Test
    void afterTheTrackerClosedBillingFailsWithoutARequestAndChecksAnswerFromTheCacheOrThePolicy() {
        lotus.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).willReturn(okJson(LotusAnswers.array(
                LotusAnswers.featureOfSubscription(PLAN_ID, true)))));
        Tracker tracker = lotusTracker();
        assertThat(tracker.entitlements().checkFeature("acme", "export").allowed()).isTrue();
        tracker.close();
        int requestsBefore = LotusFixture.requests(lotus).size();

        assertThatExceptionOfType(TrackingApiException.class)
                .isThrownBy(() -> tracker.billing().getCustomer("acme"))
                .satisfies(e -> assertThat(e.status()).isZero());
        var cached = tracker.entitlements().checkFeature("acme", "export");
        var neverAsked = tracker.entitlements().checkFeature("acme", "reports");

        assertThat(cached.allowed()).isTrue();
        assertThat(cached.source()).isEqualTo(dev.tracking.access.DecisionSource.CACHE);
        assertThat(neverAsked.allowed()).isFalse();
        assertThat(neverAsked.reason()).isEqualTo(dev.tracking.access.AccessReason.BACKEND_UNAVAILABLE);
        assertThat(LotusFixture.requests(lotus)).hasSize(requestsBefore);
    }

    @Test
    void anAccessCheckAnsweredInvalidApiKeyShowsAsRejectedCredentialsInTheStats() {
        lotus.stubFor(get(urlPathEqualTo("/api/customer_feature_access/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("Invalid API key")));

        try (Tracker tracker = lotusTracker()) {
            assertThat(tracker.stats().get(0).credentialsRejected()).isFalse();

            var decision = tracker.entitlements().checkFeature("acme", "export");

            assertThat(decision.reason()).isEqualTo(dev.tracking.access.AccessReason.BACKEND_UNAVAILABLE);
            assertThat(tracker.stats().get(0).credentialsRejected()).isTrue();
            assertThat(tracker.stats().get(0).destination()).isEqualTo("lotus");
        }
    }

    private Tracker lotusTracker() {
        return Tracker.builder().lotus(LotusFixture.options(lotus)).delivery(delivery).build();
    }

    private static TrackMessage event(String customerId) {
        return TrackMessage.builder("api_call").customerId(customerId).build();
    }

    private static List<String> ids(JsonNode body) {
        return StreamSupport.stream(body.get("batch").values().spliterator(), false)
                .map(e -> e.get("idempotency_id").asString()).collect(Collectors.toList());
    }
}
