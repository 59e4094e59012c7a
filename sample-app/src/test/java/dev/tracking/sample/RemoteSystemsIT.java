package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.tracking.contract.LotusContract;
import dev.tracking.contract.OutlitContract;
import dev.tracking.contract.OutlitServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same app pointed at Lotus and Outlit (both played by WireMock) by configuration alone: the gates follow
 * Lotus's answers, events reach both systems, and every request the app caused follows the vendors' specs (Outlit's
 * of today, {@code outlit-openapi-3.0.json}): activation, trial, upgrade and cancel reach Outlit as custom events and
 * Lotus as a switch_plan and a cancel, and each user is identified once.
 */
@TestPropertySource(properties = {
    "logging.level.com.atlassian.oai.validator=error", "logging.level.com.networknt.schema=error" })
class RemoteSystemsIT extends RunningApp {

    private static final FakeLotus LOTUS = new FakeLotus();
    private static final OutlitServer OUTLIT = new OutlitServer();
    private static final JsonMapper JSON = JsonMapper.shared();

    @DynamicPropertySource
    static void remoteSystems(DynamicPropertyRegistry registry) {
        registry.add("tracking.lotus.api-key", () -> FakeLotus.API_KEY);
        registry.add("tracking.lotus.base-url", LOTUS::baseUrl);
        registry.add("tracking.outlit.public-key", () -> OutlitServer.PUBLIC_KEY);
        registry.add("tracking.outlit.api-host", () -> OUTLIT.wireMock().baseUrl());
        registry.add("tracking.shutdown.timeout", () -> "3s");
        registry.add("sample.billing.plan-ids.free", () -> FakeLotus.FREE_PLAN_ID);
        registry.add("sample.billing.plan-ids.pro", () -> FakeLotus.PRO_PLAN_ID);
    }

    @AfterAll
    static void stopServers() {
        LOTUS.close();
        OUTLIT.close();
    }

    @Test
    void gatesFollowLotusAndEveryRequestFollowsTheVendorSpecs() {
        assertThat(api.post(BOB, "/api/reports/export", "{\"format\":\"pdf\"}").status()).isEqualTo(200);
        ApiResponse exportDenied = api.post(ALICE, "/api/reports/export", "{\"format\":\"pdf\"}");
        assertThat(exportDenied.status()).isEqualTo(403);
        assertThat(exportDenied.at("usage").asInt()).isEqualTo(3);
        assertThat(exportDenied.at("limit").asInt()).isEqualTo(3);
        assertThat(api.post(BOB, "/api/integrations/slack", "{\"message\":\"hi\"}").status()).isEqualTo(200);
        assertThat(api.post(ALICE, "/api/integrations/slack", "{\"message\":\"hi\"}").status()).isEqualTo(403);

        assertThat(api.post(ALICE, "/api/subscription/upgrade", "{\"plan\":\"pro\"}").at("plan").asString())
                .isEqualTo("pro");
        assertThat(api.post(ALICE, "/api/integrations/slack", "{\"message\":\"hi\"}").status()).isEqualTo(200);
        assertThat(api.get(ALICE, "/api/me").at("plans").valueStream().map(JsonNode::asString)).containsExactly("pro");
        assertThat(api.post(BOB, "/api/subscription/cancel", null).status()).isEqualTo(200);
        assertThat(api.post(ALICE, "/api/trial/start", null).status()).isEqualTo(200);
        assertThat(api.post(ALICE, "/api/onboarding/complete", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(lotusEventNames()).contains("report_exported", "slack_message_sent");
            assertThat(OUTLIT.events().stream().map(RemoteSystemsIT::outlitEvent))
                    .contains("custom:report_exported", "custom:slack_message_sent", "custom:customer_paid",
                            "custom:customer_trialing", "custom:customer_churned", "custom:user_activated");
        });
        assertThat(OUTLIT.events()).extracting(event -> event.path("type").asString())
                .doesNotContain("stage", "billing");
        assertThat(identifies()).extracting(event -> event.path("userId").asString())
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(identifies()).filteredOn(event -> event.path("userId").asString().equals("alice")).singleElement()
                .satisfies(event -> {
                    assertThat(event.path("email").asString()).isEqualTo("alice@acme.example");
                    assertThat(event.path("customerId").asString()).isEqualTo("acme");
                });
        assertThat(lotusPosts()).contains("/api/subscriptions/sub_acme_free/switch_plan/",
                "/api/subscriptions/sub_globex_pro/cancel/");
        assertThat(lotusPosts()).doesNotContain("/api/subscriptions/", "/api/subscriptions/sub_acme_free/cancel/");
        List<ServeEvent> lotusRequests = LOTUS.wireMock().getAllServeEvents();
        assertThat(lotusRequests).allSatisfy(served ->
                assertThat(served.getRequest().getHeader("X-API-KEY")).isEqualTo(FakeLotus.API_KEY));
        assertThat(LotusContract.load().assertAllValid(lotusRequests)).isGreaterThanOrEqualTo(10);
        assertThat(OutlitContract.assertAllRequestsValid(OUTLIT.wireMock())).isPositive();
    }

    private static List<JsonNode> identifies() {
        return OUTLIT.events().stream().filter(event -> event.path("type").asString().equals("identify")).toList();
    }

    private static List<String> lotusPosts() {
        return LOTUS.wireMock().getAllServeEvents().stream()
                .filter(served -> served.getRequest().getMethod().getName().equals("POST"))
                .map(served -> served.getRequest().getUrl())
                .toList();
    }

    @Test
    void theActivityPageHasNothingToReadBackWhenRemoteSystemsAreConfigured() {
        ApiResponse activity = api.get(ALICE, "/api/activity");

        assertThat(activity.status()).isEqualTo(200);
        assertThat(activity.at("backend").asString()).isEqualTo("remote");
        assertThat(activity.at("events").isEmpty()).isTrue();
    }

    @Test
    void theDemoPageReadsEachDestinationsDeliveryAndNoKey() {
        ApiResponse tracking = api.get(ALICE, "/actuator/tracking");
        ApiResponse health = api.get(ALICE, "/actuator/health/tracking");

        assertThat(api.getAnonymously("/actuator/tracking").status()).isEqualTo(401);
        assertThat(tracking.status()).isEqualTo(200);
        assertThat(tracking.at("destinations").propertyNames()).containsExactlyInAnyOrder("lotus", "outlit");
        assertThat(tracking.at("/destinations/lotus").propertyNames())
                .contains("accepted", "delivered", "failed", "dropped", "queueSize", "consecutiveFailures");
        assertThat(health.status()).isEqualTo(200);
        assertThat(tracking.text() + health.text()).doesNotContain(FakeLotus.API_KEY, OutlitServer.PUBLIC_KEY);
    }

    private static List<String> lotusEventNames() {
        return LOTUS.wireMock().getAllServeEvents().stream()
                .filter(served -> served.getRequest().getUrl().startsWith("/api/track/"))
                .flatMap(served -> JSON.readTree(served.getRequest().getBodyAsString()).path("batch").valueStream())
                .map(event -> event.path("event_name").asString())
                .toList();
    }

    private static String outlitEvent(JsonNode event) {
        String type = event.path("type").asString();
        return switch (type) {
            case "custom" -> type + ":" + event.path("eventName").asString();
            case "billing" -> type + ":" + event.path("status").asString();
            case "stage" -> type + ":" + event.path("stage").asString();
            default -> type;
        };
    }
}
