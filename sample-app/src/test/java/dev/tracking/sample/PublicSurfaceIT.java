package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The app's surface that is the same for everyone: the page, sign-in, health, validation, me, activity, metrics. */
class PublicSurfaceIT extends RunningApp {

    @Test
    void servesThePageAndItsScriptWithoutSigningIn() {
        ApiResponse page = api.getAnonymously("/");
        ApiResponse script = api.getAnonymously("/app.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<h1>Reports</h1>", "app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.text()).contains("/api/activity");
    }

    @Test
    void theApiNeedsValidCredentials() {
        ApiResponse anonymous = api.getAnonymously("/api/me");
        ApiResponse wrongPassword = api.post(ALICE, "bob", "/api/reports/export", "{\"format\":\"pdf\"}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.wwwAuthenticate()).startsWith("Basic");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void healthShowsTheTrackingComponentToAnyone() {
        ApiResponse health = api.getAnonymously("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.at("/components/tracking/status").asString()).isEqualTo("UP");
    }

    @Test
    void meDescribesEachUsersCustomerPlanAndUsage() {
        ApiResponse alice = api.get(ALICE, "/api/me");
        ApiResponse bob = api.get(BOB, "/api/me");

        assertThat(alice.at("customerId").asString()).isEqualTo("acme");
        assertThat(alice.at("/plans/0").asString()).isEqualTo("free");
        assertThat(alice.at("/usage/report_exported/limit").asInt()).isEqualTo(3);
        assertThat(alice.at("/features/slack_integration").asBoolean()).isFalse();
        assertThat(bob.at("customerId").asString()).isEqualTo("globex");
        assertThat(bob.at("/plans/0").asString()).isEqualTo("pro");
        assertThat(bob.at("/usage/report_exported/limit").isNull()).isTrue();
        assertThat(bob.at("/features/slack_integration").asBoolean()).isTrue();
    }

    @Test
    void invalidRequestsAreProblemDetailsNamingTheField() {
        ApiResponse badFormat = api.post(ALICE, "/api/reports/export", "{\"format\":\"docx\"}");
        ApiResponse blankMessage = api.post(BOB, "/api/integrations/slack", "{\"message\":\" \"}");
        ApiResponse noPlan = api.post(ALICE, "/api/subscription/upgrade", "{}");
        ApiResponse notJson = api.post(BOB, "/api/reports/export", "{format:");

        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.contentType()).startsWith("application/problem+json");
        assertThat(badFormat.at("/errors/format").asString()).contains("pdf");
        assertThat(blankMessage.status()).isEqualTo(400);
        assertThat(blankMessage.at("errors").has("message")).isTrue();
        assertThat(noPlan.status()).isEqualTo(400);
        assertThat(noPlan.at("errors").has("plan")).isTrue();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTrackedExportAppearsInTheActivityAndTheMetrics() {
        assertThat(api.post(BOB, "/api/reports/export", "{\"format\":\"csv\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode events = api.get(BOB, "/api/activity").at("events");
            assertThat(events.valueStream())
                    .anySatisfy(event -> {
                        assertThat(event.path("kind").asString()).isEqualTo("track");
                        assertThat(event.path("name").asString()).isEqualTo("report_exported");
                        assertThat(event.path("customerId").asString()).isEqualTo("globex");
                        assertThat(event.at("/properties/format").asString()).isEqualTo("csv");
                    });
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiResponse delivered = api.get(BOB, "/actuator/metrics/tracking.events?tag=outcome:delivered");
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
        });
    }
}
