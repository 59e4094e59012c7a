package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user's first act identifies them once: who they are comes first in their journey, and only once. */
class FirstActIdentifyIT extends RunningApp {

    private static final String PDF = "{\"format\":\"pdf\"}";

    @Test
    void theFirstActIdentifiesTheUserWithEmailAndCustomerAndLaterActsDoNotAgain() {
        assertThat(api.post(ALICE, "/api/reports/export", PDF).status()).isEqualTo(200);
        assertThat(api.post(ALICE, "/api/reports/export", PDF).status()).isEqualTo(200);
        assertThat(api.post(ALICE, "/api/onboarding/complete", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events()).filteredOn(e -> e.path("kind").asString().equals("activation")).isNotEmpty());
        List<JsonNode> identifies = events().stream()
                .filter(event -> event.path("kind").asString().equals("identify")).toList();
        assertThat(identifies).singleElement().satisfies(identify -> {
            assertThat(identify.path("userId").asString()).isEqualTo("alice");
            assertThat(identify.path("email").asString()).isEqualTo("alice@acme.example");
            assertThat(identify.path("customerId").asString()).isEqualTo("acme");
        });
    }

    private List<JsonNode> events() {
        return api.get(ALICE, "/api/activity").at("events").valueStream().toList();
    }
}
