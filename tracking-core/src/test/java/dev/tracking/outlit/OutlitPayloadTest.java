package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.DeliveryOptions;
import dev.tracking.IdentifyMessage;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.UserStage;
import dev.tracking.contract.OutlitServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OutlitPayloadTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

    private OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void aCustomEventCarriesEveryFieldOfTheWireFormat() {
        TrackMessage event = TrackMessage.builder("report_exported").email("ann@example.com").userId("u1")
                .customerId("acme").fingerprint("fp1").property("format", "pdf").property("pages", 3)
                .timestamp(AT).build();

        JsonNode sent = sendOne(outlit.outlitOptions(), t -> t.track(event));

        assertThat(fieldNames(sent)).containsExactly("uuid", "type", "timestamp", "url", "path", "eventName",
                "email", "userId", "fingerprint", "customerId", "properties");
        assertThat(sent.path("uuid").asString()).isEqualTo(event.id().toString());
        assertThat(sent.path("type").asString()).isEqualTo("custom");
        assertThat(sent.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(sent.path("timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(sent.path("url").asString()).isEqualTo("server://ann@example.com");
        assertThat(sent.path("path").asString()).isEqualTo("/");
        assertThat(sent.path("eventName").asString()).isEqualTo("report_exported");
        assertThat(sent.path("customerId").asString()).isEqualTo("acme");
        assertThat(sent.path("properties").path("format").asString()).isEqualTo("pdf");
        assertThat(sent.path("properties").path("pages").asInt()).isEqualTo(3);
    }

    @Test
    void absentOptionalFieldsAreOmittedNotNull() {
        JsonNode sent = sendOne(outlit.outlitOptions(),
                t -> t.track(TrackMessage.builder("signed_in").userId("u1").build()));

        assertThat(fieldNames(sent)).containsExactly("uuid", "type", "timestamp", "url", "path", "eventName",
                "userId");
    }

    @Test
    void theUrlOfACustomEventNamesEmailThenUserIdThenCustomerIdThenFingerprint() {
        outlitSends(outlit.outlitOptions(), List.of(
                TrackMessage.builder("a").email("e@x.io").userId("u").customerId("c").fingerprint("f").build(),
                TrackMessage.builder("b").userId("u").customerId("c").fingerprint("f").build(),
                TrackMessage.builder("c").customerId("c").fingerprint("f").build(),
                TrackMessage.builder("d").fingerprint("f").build()));

        assertThat(outlit.events()).extracting(e -> e.path("url").asString())
                .containsExactly("server://e@x.io", "server://u", "server://c", "server://f");
    }

    @Test
    void anIdentityThatIsNoUriAuthorityIsPercentEncodedInTheUrlOnly() {
        outlitSends(outlit.outlitOptions(), List.of(TrackMessage.builder("a").userId("Ann Smith").build(),
                TrackMessage.builder("b").customerId("eu:acme/1#2").build(),
                TrackMessage.builder("c").fingerprint("zoë@home@lan").build(),
                TrackMessage.builder("d").email("ann@example.com").build()));

        assertThat(outlit.events()).extracting(e -> e.path("url").asString()).containsExactly(
                "server://Ann%20Smith", "server://eu%3Aacme%2F1%232", "server://zo%C3%AB%40home@lan",
                "server://ann@example.com");
        assertThat(outlit.events().get(0).path("userId").asString()).isEqualTo("Ann Smith");
    }

    @Test
    void anIdentifyCarriesTraitsAndCustomerTraitsAndNamesEmailThenUserIdInTheUrl() {
        IdentifyMessage identify = IdentifyMessage.builder().userId("u1").customerId("acme").fingerprint("fp")
                .trait("name", "Ann").customerTrait("plan", "pro").timestamp(AT).build();

        JsonNode sent = sendOne(outlit.outlitOptions(), t -> t.identify(identify));

        assertThat(fieldNames(sent)).containsExactly("uuid", "type", "timestamp", "url", "path", "userId",
                "fingerprint", "customerId", "customerTraits", "traits");
        assertThat(sent.path("type").asString()).isEqualTo("identify");
        assertThat(sent.path("url").asString()).isEqualTo("server://u1");
        assertThat(sent.path("traits").path("name").asString()).isEqualTo("Ann");
        assertThat(sent.path("customerTraits").path("plan").asString()).isEqualTo("pro");
    }

    @Test
    void inTheLegacyProtocolAStageEventPutsTheIdentityInItsPropertiesWithExplicitNulls() {
        ActivationMessage activation = ActivationMessage.activated().userId("u1").customerId("acme")
                .property("via", "onboarding").timestamp(AT).build();

        JsonNode sent = sendOne(legacy(), t -> t.activate(activation));

        assertThat(fieldNames(sent)).containsExactly("uuid", "type", "timestamp", "url", "path", "stage",
                "properties");
        assertThat(sent.path("type").asString()).isEqualTo("stage");
        assertThat(sent.path("stage").asString()).isEqualTo("activated");
        assertThat(sent.path("url").asString()).isEqualTo("server://u1");
        JsonNode properties = sent.path("properties");
        assertThat(fieldNames(properties)).containsExactly("via", "__email", "__userId", "__fingerprint");
        assertThat(properties.get("__email").isNull()).isTrue();
        assertThat(properties.get("__userId").asString()).isEqualTo("u1");
        assertThat(properties.get("__fingerprint").isNull()).isTrue();
    }

    @Test
    void theUrlOfAStageEventNamesEmailThenUserIdThenFingerprint() {
        outlitSends(legacy(), List.of(ActivationMessage.builder(UserStage.ENGAGED).userId("u").fingerprint("f").build(),
                ActivationMessage.builder(UserStage.INACTIVE).fingerprint("f").customerId("c").build()));

        assertThat(outlit.events()).extracting(e -> e.path("url").asString())
                .containsExactly("server://u", "server://f");
        assertThat(outlit.events()).extracting(e -> e.path("stage").asString()).containsExactly("engaged", "inactive");
    }

    @Test
    void inTheLegacyProtocolABillingEventCarriesStatusAndCustomerId() {
        BillingStatusMessage billing = BillingStatusMessage.builder(BillingStatus.PAID, "acme")
                .property("plan", "pro").timestamp(AT).build();

        JsonNode sent = sendOne(legacy(), t -> t.billingStatus(billing));

        assertThat(fieldNames(sent)).containsExactly("uuid", "type", "timestamp", "url", "path", "status",
                "customerId", "properties");
        assertThat(sent.path("type").asString()).isEqualTo("billing");
        assertThat(sent.path("status").asString()).isEqualTo("paid");
        assertThat(sent.path("url").asString()).isEqualTo("server://acme");
        assertThat(sent.path("customerId").asString()).isEqualTo("acme");
    }

    @Test
    void byDefaultEveryUserStageAndBillingStatusIsACustomEventWithItsIdentity() {
        try (Tracker tracker = tracker(outlit.outlitOptions())) {
            tracker.activate(ActivationMessage.activated().email("ann@example.com").customerId("acme").build());
            tracker.activate(ActivationMessage.builder(UserStage.ENGAGED).userId("u1").build());
            tracker.activate(ActivationMessage.builder(UserStage.INACTIVE).fingerprint("fp").customerId("c")
                    .property("days", 30).build());
            tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.TRIALING, "acme").build());
            tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.PAID, "acme")
                    .property("plan", "pro").build());
            tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.CHURNED, "acme").build());
            tracker.track(TrackMessage.builder("x").customerId("acme").build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(outlit.requests()).hasSize(1);
        List<JsonNode> events = outlit.events();
        assertThat(events).extracting(e -> e.path("type").asString()).containsOnly("custom");
        assertThat(events).extracting(e -> e.path("eventName").asString()).containsExactly("user_activated",
                "user_engaged", "user_inactive", "customer_trialing", "customer_paid", "customer_churned", "x");
        assertThat(events).extracting(e -> e.path("url").asString()).containsExactly("server://ann@example.com",
                "server://u1", "server://fp", "server://acme", "server://acme", "server://acme", "server://acme");
        assertThat(fieldNames(events.get(0))).containsExactly("uuid", "type", "timestamp", "url", "path",
                "eventName", "email", "customerId");
        assertThat(fieldNames(events.get(2))).containsExactly("uuid", "type", "timestamp", "url", "path",
                "eventName", "fingerprint", "customerId", "properties");
        assertThat(events.get(2).path("properties").path("days").asInt()).isEqualTo(30);
        assertThat(fieldNames(events.get(4))).containsExactly("uuid", "type", "timestamp", "url", "path",
                "eventName", "customerId", "properties");
        assertThat(events.get(4).path("properties").path("plan").asString()).isEqualTo("pro");
    }

    @Test
    void aTrackEventCarriesCustomerTraits() {
        JsonNode sent = sendOne(outlit.outlitOptions(), t -> t.track(TrackMessage.builder("seat_added")
                .customerId("acme").customerTrait("plan", "pro").customerTraits(java.util.Map.of("seats", 12))
                .build()));

        assertThat(fieldNames(sent)).containsExactly("uuid", "type", "timestamp", "url", "path", "eventName",
                "customerId", "customerTraits");
        assertThat(sent.path("customerTraits").path("plan").asString()).isEqualTo("pro");
        assertThat(sent.path("customerTraits").path("seats").asInt()).isEqualTo(12);
    }

    @Test
    void inTheLegacyProtocolLifecycleEventsTravelInRequestsOfTheirOwn() {
        outlit.close();
        outlit = new OutlitServer(OutlitProtocol.LEGACY_V1);
        try (Tracker tracker = tracker(outlit.outlitOptions())) {
            tracker.track(TrackMessage.builder("a").userId("u").build());
            tracker.activate(ActivationMessage.activated().userId("u").build());
            tracker.identify(IdentifyMessage.builder().userId("u").build());
            tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.PAID, "acme").build());
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(outlit.bodies()).extracting(body -> body.path("events").findValuesAsString("type").toString())
                .containsExactlyInAnyOrder("[custom, identify]", "[stage, billing]");
        assertThat(outlit.bodies()).allSatisfy(body -> assertThat(body.path("source").asString()).isEqualTo("server"));
    }

    @Test
    void thePublicKeyIsAnEncodedPathSegment() {
        OutlitOptions options = new OutlitOptions("pk_a/b c", outlit.outlitOptions().apiHost(), null);
        sendOne(options, t -> t.track(TrackMessage.builder("a").userId("u").build()));

        assertThat(outlit.requests().get(0).getUrl()).isEqualTo("/api/i/v1/pk_a%2Fb%20c/events");
        assertThat(outlit.requests().get(0).getHeader("Content-Type")).startsWith("application/json");
    }

    private JsonNode sendOne(OutlitOptions options, Consumer<Tracker> record) {
        try (Tracker tracker = tracker(options)) {
            record.accept(tracker);
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(outlit.events()).hasSize(1);
        return outlit.events().get(0);
    }

    /** Replaces the server by one that speaks (and checks requests against) the 1.x contract. */
    private OutlitOptions legacy() {
        outlit.close();
        outlit = new OutlitServer(OutlitProtocol.LEGACY_V1);
        return outlit.outlitOptions();
    }

    private void outlitSends(OutlitOptions options, List<?> messages) {
        try (Tracker tracker = tracker(options)) {
            for (Object message : messages) {
                if (message instanceof TrackMessage track) {
                    tracker.track(track);
                } else {
                    tracker.activate((ActivationMessage) message);
                }
            }
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }
    }

    static Tracker tracker(OutlitOptions options) {
        return Tracker.builder().outlit(options).delivery(DeliveryOptions.builder()
                .flushInterval(Duration.ofSeconds(30)).shutdownTimeout(Duration.ofSeconds(5)).build()).build();
    }

    static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }
}
