package dev.tracking.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "tracking.local.plans.free.limits.report_exported=2",
        "tracking.local.plans.pro.features[0]=slack_integration",
        "tracking.local.customers.acme.name=Acme", "tracking.local.customers.acme.email=billing@acme.test",
        "tracking.local.customers.acme.plan=free",
        "management.endpoints.web.exposure.include=health,metrics,tracking",
        "management.endpoint.health.show-details=always" })
class TrackingWebIT {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void rendersAReachedLimitAsProblemDetailsAndShowsMetricsAndHealth() throws Exception {
        assertThat(post("/customers/acme/exports?format=pdf").statusCode()).isEqualTo(200);
        assertThat(post("/customers/acme/exports?format=csv").statusCode()).isEqualTo(200);

        HttpResponse<String> denied = post("/customers/acme/exports?format=pdf");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(denied.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:tracking:access-denied");
        assertThat(problem.get("title").asString()).isEqualTo("Access denied");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asString()).contains("acme").contains("report_exported");
        assertThat(problem.get("event").asString()).isEqualTo("report_exported");
        assertThat(problem.get("customerId").asString()).isEqualTo("acme");
        assertThat(problem.get("reason").asString()).isEqualTo("limit_reached");
        assertThat(problem.get("usage").asInt()).isEqualTo(2);
        assertThat(problem.get("limit").asInt()).isEqualTo(2);
        assertThat(problem.get("instance").asString()).isEqualTo("/customers/acme/exports");

        JsonNode accepted = get("/actuator/metrics/tracking.events?tag=outcome:accepted&tag=destination:local");
        assertThat(accepted.get("measurements").get(0).get("value").asDouble()).isEqualTo(2.0);
        JsonNode deniedChecks = get("/actuator/metrics/tracking.entitlement.checks?tag=result:denied");
        assertThat(deniedChecks.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);

        JsonNode health = get("/actuator/health").get("components").get("tracking");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("local").has("queueSize")).isTrue();

        JsonNode endpoint = get("/actuator/tracking");
        assertThat(endpoint.get("destinations").get("local").get("accepted").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rendersAFeatureOutsideThePlanWithoutUsageOrLimit() throws Exception {
        HttpResponse<String> denied = post("/customers/acme/slack");
        assertThat(denied.statusCode()).isEqualTo(403);
        JsonNode problem = json.readTree(denied.body());
        assertThat(problem.get("feature").asString()).isEqualTo("slack_integration");
        assertThat(problem.get("reason").asString()).isEqualTo("not_in_plan");
        assertThat(problem.has("usage")).isFalse();
        assertThat(problem.has("limit")).isFalse();
    }

    @Test
    void rendersBillingErrorsAsProblemDetailsWithAStatusByCause() throws Exception {
        HttpResponse<String> unknownPlan = post("/customers/acme/subscriptions?plan=gold");
        assertThat(unknownPlan.statusCode()).isEqualTo(400);
        assertThat(unknownPlan.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(unknownPlan.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:tracking:backend-error");
        assertThat(problem.get("title").asString()).isEqualTo("Billing request refused");
        assertThat(problem.get("detail").asString()).contains("Plan 'gold' does not exist");
        assertThat(problem.get("errors").get(0).get("attr").asString()).isEqualTo("plan_id");

        JsonNode unknownCustomer = json.readTree(post("/customers/nobody/subscriptions?plan=free").body());
        assertThat(unknownCustomer.get("status").asInt()).isEqualTo(400);
        assertThat(unknownCustomer.get("errors").get(0).get("attr").asString()).isEqualTo("customer_id");

        HttpResponse<String> down = post("/backend-down");
        assertThat(down.statusCode()).isEqualTo(502);
        JsonNode failure = json.readTree(down.body());
        assertThat(failure.get("title").asString()).isEqualTo("Billing backend error");
        assertThat(down.body()).doesNotContain("internal detail").doesNotContain("upstream body");
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
