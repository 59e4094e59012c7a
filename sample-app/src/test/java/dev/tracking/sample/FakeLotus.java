package dev.tracking.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * WireMock playing a Lotus server that knows the sample's customers: acme on plan free (exports used up, no
 * Slack) until its subscription switches to pro, globex on pro (unlimited exports, Slack). Answers come from
 * {@code src/test/resources/lotus/}, shaped as {@code lotus-openapi.yaml} describes them; like the real server,
 * acme's records name plans as {@code plan_<hex>} while the app is configured with UUIDs.
 */
final class FakeLotus implements AutoCloseable {

    static final String API_KEY = "test.lotus-key";
    static final String FREE_PLAN_ID = "9a1b7c1e-5d2f-4c11-9e0a-000000000f4e";
    static final String PRO_PLAN_ID = "9a1b7c1e-5d2f-4c11-9e0a-000000000920";

    private static final String ACME_PLAN = "acme-plan";
    private static final String UPGRADED = "upgraded";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    FakeLotus() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/ping/")).willReturn(okJson("{\"organization_id\":\"org_sample\"}")));
        server.stubFor(post(urlPathEqualTo("/api/track/"))
                .willReturn(json(201, "{\"success\":\"all\",\"failed_events\":null}")));
        stubCustomer("acme");
        stubCustomer("globex");
        server.stubFor(post(urlPathEqualTo("/api/subscriptions/sub_acme_free/switch_plan/"))
                .withRequestBody(matchingJsonPath("$.switch_plan_id", equalTo(PRO_PLAN_ID)))
                .inScenario(ACME_PLAN).willSetStateTo(UPGRADED)
                .willReturn(json(200, fixture("acme-subscription-switched"))));
        server.stubFor(post(urlPathEqualTo("/api/subscriptions/sub_acme_free/cancel/"))
                .willReturn(okJson(fixture("acme-subscription-cancelled"))));
        server.stubFor(post(urlPathEqualTo("/api/subscriptions/sub_globex_pro/cancel/"))
                .willReturn(okJson(fixture("globex-subscription-cancelled"))));
    }

    /** The server's base URL, for {@code tracking.lotus.base-url}. */
    String baseUrl() {
        return server.baseUrl();
    }

    WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private void stubCustomer(String customerId) {
        stubAnswer(() -> get(urlPathEqualTo("/api/subscriptions/")), customerId, "subscriptions");
        stubAnswer(() -> get(urlPathEqualTo("/api/customer_feature_access/"))
                .withQueryParam("feature_name", equalTo("slack_integration")), customerId, "slack-access");
        stubAnswer(() -> get(urlPathEqualTo("/api/customer_metric_access/"))
                .withQueryParam("event_name", equalTo("report_exported")), customerId, "export-access");
    }

    /** Answers with {@code <customer>-<answer>.json}, or with its {@code -upgraded} variant once acme subscribed to pro. */
    private void stubAnswer(Supplier<MappingBuilder> request, String customerId, String answer) {
        String name = customerId + "-" + answer;
        if (fixtureMissing(name + "-upgraded")) {
            server.stubFor(forCustomer(request, customerId).willReturn(okJson(fixture(name))));
            return;
        }
        server.stubFor(forCustomer(request, customerId).inScenario(ACME_PLAN)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(fixture(name))));
        server.stubFor(forCustomer(request, customerId).inScenario(ACME_PLAN)
                .whenScenarioStateIs(UPGRADED).willReturn(okJson(fixture(name + "-upgraded"))));
    }

    private static MappingBuilder forCustomer(Supplier<MappingBuilder> request, String customerId) {
        return request.get().withQueryParam("customer_id", equalTo(customerId));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static boolean fixtureMissing(String name) {
        return FakeLotus.class.getResource("/lotus/" + name + ".json") == null;
    }

    private static String fixture(String name) {
        try (InputStream in = FakeLotus.class.getResourceAsStream("/lotus/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no fixture lotus/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
