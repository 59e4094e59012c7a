package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/** Bob's customer globex is on the pro plan: unlimited exports and Slack. Each test gets a fresh app. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ProPlanJourneyIT extends RunningApp {

    @Test
    void exportsAreUnlimitedAndSlackIsAllowed() {
        for (int export = 1; export <= 5; export++) {
            assertThat(api.post(BOB, "/api/reports/export", "{\"format\":\"xlsx\"}").status()).isEqualTo(200);
        }
        ApiResponse slack = api.post(BOB, "/api/integrations/slack", "{\"message\":\"shipped\"}");

        assertThat(slack.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiResponse me = api.get(BOB, "/api/me");
            assertThat(me.at("/usage/report_exported/used").asInt()).isEqualTo(5);
            assertThat(me.at("/usage/report_exported/allowed").asBoolean()).isTrue();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(BOB, "/api/activity").at("events").valueStream())
                        .anySatisfy(event -> {
                            assertThat(event.path("name").asString()).isEqualTo("slack_message_sent");
                            assertThat(event.at("/properties/length").asInt()).isEqualTo(7);
                        }));
    }

    @Test
    void upgradingToTheCurrentPlanIsAConflict() {
        ApiResponse upgrade = api.post(BOB, "/api/subscription/upgrade", "{\"plan\":\"pro\"}");

        assertThat(upgrade.status()).isEqualTo(409);
        assertThat(upgrade.contentType()).startsWith("application/problem+json");
        assertThat(upgrade.at("detail").asString()).contains("globex", "pro");
    }

    @Test
    void cancellingTakesSlackAwayAtOnce() {
        ApiResponse cancel = api.post(BOB, "/api/subscription/cancel", null);
        ApiResponse slack = api.post(BOB, "/api/integrations/slack", "{\"message\":\"still there?\"}");

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.at("/0/plan").asString()).isEqualTo("pro");
        assertThat(slack.status()).isEqualTo(403);
        assertThat(slack.at("customerId").asString()).isEqualTo("globex");
    }

    @Test
    void trialAndOnboardingAreReported() {
        assertThat(api.post(BOB, "/api/trial/start", null).at("customerId").asString()).isEqualTo("globex");
        assertThat(api.post(BOB, "/api/onboarding/complete", null).at("user").asString()).isEqualTo("bob");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(BOB, "/api/activity").at("events").valueStream())
                        .anySatisfy(event -> {
                            assertThat(event.path("kind").asString()).isEqualTo("activation");
                            assertThat(event.path("userId").asString()).isEqualTo("bob");
                            assertThat(event.path("email").asString()).isEqualTo("bob@globex.example");
                        }));
    }
}
