package dev.tracking.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotusContractTest {

    @RegisterExtension
    static WireMockExtension lotus = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static LotusContract contract;

    @BeforeAll
    static void load() {
        contract = LotusContract.load();
    }

    @Test
    void acceptsAWellFormedBatch() throws Exception {
        post("/api/track/", "{\"batch\":[" + event("\"2026-11-22T10:15:30.123Z\"") + "]}", true);

        assertThat(contract.assertAllValid(lotus.getAllServeEvents())).isEqualTo(1);
    }

    @Test
    void catchesAMissingApiKey() throws Exception {
        post("/api/track/", "{\"batch\":[" + event("\"2026-11-22T10:15:30.123Z\"") + "]}", false);

        assertRejected();
    }

    @Test
    void catchesATimeThatIsNotRfc3339() throws Exception {
        post("/api/track/", "{\"batch\":[" + event("\"2026-11-22 10:15:30\"") + "]}", true);

        assertRejected();
    }

    @Test
    void catchesABareEvent() throws Exception {
        post("/api/track/", event("\"2026-11-22T10:15:30.123Z\""), true);

        assertRejected();
    }

    @Test
    void catchesAFeatureIdThatIsNotAUuid() throws Exception {
        get("/api/feature_access/?customer_id=c1&feature_id=not-a-uuid");

        assertRejected();
    }

    @Test
    void catchesAMissingCustomerIdInAnAccessQuery() throws Exception {
        get("/api/customer_feature_access/?feature_name=export");

        assertRejected();
    }

    @Test
    void catchesAPathWithoutItsTrailingSlash() throws Exception {
        get("/api/ping");

        assertRejected();
    }

    private static void assertRejected() {
        assertThatThrownBy(() -> contract.assertAllValid(lotus.getAllServeEvents()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lotus-openapi.yaml");
    }

    private static String event(String time) {
        return "{\"customer_id\":\"c1\",\"event_name\":\"api_call\",\"idempotency_id\":\"id-1\",\"time_created\":"
                + time + ",\"properties\":{}}";
    }

    private static void post(String path, String body, boolean withKey) throws IOException, InterruptedException {
        send(request(path, withKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void get(String pathAndQuery) throws IOException, InterruptedException {
        send(request(pathAndQuery, true).GET().build());
    }

    private static HttpRequest.Builder request(String pathAndQuery, boolean withKey) {
        lotus.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(lotus.baseUrl() + pathAndQuery));
        return withKey ? builder.header("X-API-KEY", "pre.key") : builder;
    }

    private static void send(HttpRequest request) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }
}
