package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/** Alice's customer acme starts on the free plan: three exports a month, no Slack. Each test gets a fresh app. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FreePlanJourneyIT extends RunningApp {

    private static final String PDF = "{\"format\":\"pdf\"}";

    @Test
    void theFourthExportInARowIsDeniedWithUsageAndLimit() {
        for (int export = 1; export <= 3; export++) {
            ApiResponse response = api.post(ALICE, "/api/reports/export", PDF);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.at("format").asString()).isEqualTo("pdf");
        }

        ApiResponse denied = api.post(ALICE, "/api/reports/export", PDF);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.at("event").asString()).isEqualTo("report_exported");
        assertThat(denied.at("customerId").asString()).isEqualTo("acme");
        assertThat(denied.at("usage").asInt()).isEqualTo(3);
        assertThat(denied.at("limit").asInt()).isEqualTo(3);
        ApiResponse me = api.get(ALICE, "/api/me");
        assertThat(me.at("/usage/report_exported/used").asInt()).isEqualTo(3);
        assertThat(me.at("/usage/report_exported/allowed").asBoolean()).isFalse();
    }

    @Test
    void slackIsDeniedUntilTheUpgradeAndAllowedRightAfterIt() {
        ApiResponse before = api.post(ALICE, "/api/integrations/slack", "{\"message\":\"hello\"}");
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.at("feature").asString()).isEqualTo("slack_integration");

        ApiResponse upgrade = api.post(ALICE, "/api/subscription/upgrade", "{\"plan\":\"pro\"}");
        ApiResponse after = api.post(ALICE, "/api/integrations/slack", "{\"message\":\"hello\"}");

        assertThat(upgrade.status()).isEqualTo(200);
        assertThat(upgrade.at("plan").asString()).isEqualTo("pro");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.at("message").asString()).isEqualTo("hello");
        ApiResponse me = api.get(ALICE, "/api/me");
        assertThat(me.at("plans").valueStream().map(plan -> plan.asString())).containsExactly("pro");
        assertThat(me.at("/usage/report_exported/limit").isNull()).isTrue();
        assertPaidReported();
    }

    @Test
    void trialAndOnboardingAreReported() {
        ApiResponse trial = api.post(ALICE, "/api/trial/start", null);
        ApiResponse onboarding = api.post(ALICE, "/api/onboarding/complete", null);

        assertThat(trial.status()).isEqualTo(200);
        assertThat(trial.at("status").asString()).isEqualTo("trialing");
        assertThat(onboarding.status()).isEqualTo(200);
        assertThat(onboarding.at("stage").asString()).isEqualTo("activated");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiResponse activity = api.get(ALICE, "/api/activity");
            assertThat(activity.at("events").valueStream().map(event -> event.path("kind").asString() + ":"
                    + event.path("name").asString())).contains("billing_status:trialing", "activation:activated");
        });
    }

    @Test
    void cancellingEndsThePlanAndReportsChurn() {
        ApiResponse cancel = api.post(ALICE, "/api/subscription/cancel", null);
        ApiResponse again = api.post(ALICE, "/api/subscription/cancel", null);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.at("/0/plan").asString()).isEqualTo("free");
        assertThat(api.get(ALICE, "/api/me").at("plans").isEmpty()).isTrue();
        assertThat(api.post(ALICE, "/api/reports/export", PDF).status()).isEqualTo(403);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(ALICE, "/api/activity").at("events").valueStream()
                        .map(event -> event.path("name").asString())).contains("churned"));
    }

    private void assertPaidReported() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(ALICE, "/api/activity").at("events").valueStream())
                        .anySatisfy(event -> {
                            assertThat(event.path("name").asString()).isEqualTo("paid");
                            assertThat(event.at("/properties/plan").asString()).isEqualTo("pro");
                        }));
    }
}
