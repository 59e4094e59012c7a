package dev.tracking.local;

import static dev.tracking.local.StampedMessages.times;
import static dev.tracking.local.StampedMessages.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Message;
import dev.tracking.UserStage;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LocalReadBackTest {

    private final MutableClock clock = new MutableClock("2026-03-15T12:00:00Z");
    private final LocalBackend backend = LocalBackend.builder()
            .plan(LocalPlan.of("free").limit("report_exported", 3))
            .plan(LocalPlan.of("pro").feature("slack_integration"))
            .customer("acme", "Acme Inc", "billing@acme.test", "free")
            .clock(clock)
            .recentEventsCapacity(5)
            .build();

    @Test
    void theRingKeepsOnlyTheLastMessagesNewestFirst() {
        List<Message> twelve = IntStream.rangeClosed(1, 12)
                .<Message>mapToObj(i -> track("acme", "event_" + i, "2026-03-10T00:00:00Z")).toList();

        backend.send(twelve);

        assertThat(backend.recentEvents()).extracting(RecordedEvent::name)
                .containsExactly("event_12", "event_11", "event_10", "event_9", "event_8");
        assertThat(backend.recentEvents()).extracting(RecordedEvent::sequence).containsExactly(12L, 11L, 10L, 9L, 8L);
        assertThat(backend.recentEvents(2)).extracting(RecordedEvent::name).containsExactly("event_12", "event_11");
        assertThat(backend.totals().received()).isEqualTo(12);
        assertThat(backend.totals().recentEvents()).isEqualTo(5);
        assertThat(backend.totals().recentEventsCapacity()).isEqualTo(5);
        assertThatThrownBy(() -> backend.recentEvents().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyMessageTypeIsRecordedWithItsNameIdentityAndProperties() {
        Instant at = Instant.parse("2026-03-14T09:00:00Z");
        backend.send(List.of(
                IdentifyMessage.builder().userId("u1").email("ann@acme.test").customerId("acme")
                        .trait("role", "admin").customerTrait("seats", 5).timestamp(at).build(),
                ActivationMessage.activated().userId("u1").customerId("acme").timestamp(at).build(),
                BillingStatusMessage.builder(BillingStatus.PAID, "acme").property("plan", "pro").timestamp(at).build(),
                track("acme", "report_exported", "2026-03-14T10:00:00Z")));

        assertThat(backend.recentEvents()).extracting(RecordedEvent::type, RecordedEvent::name).containsExactly(
                tuple("track", "report_exported"),
                tuple("billing_status", "paid"),
                tuple("activation", "activated"),
                tuple("identify", "identify"));
        RecordedEvent identify = backend.recentEvents().get(3);
        assertThat(identify.identity().email()).isEqualTo("ann@acme.test");
        assertThat(identify.properties()).containsEntry("role", "admin");
        assertThat(identify.customerTraits()).containsEntry("seats", 5);
        assertThat(identify.timestamp()).isEqualTo(at);
        assertThat(identify.receivedAt()).isEqualTo(clock.instant());
        assertThat(backend.totals()).extracting(LocalTotals::tracked, LocalTotals::identifies,
                LocalTotals::activations, LocalTotals::billingStatuses, LocalTotals::users)
                .containsExactly(1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void customerStateShowsPlansUsageBillingStatusAndLatestActivity() {
        backend.send(times(2, "acme", "report_exported", "2026-03-10T00:00:00Z"));
        backend.send(List.of(
                billingStatus(BillingStatus.TRIALING, "2026-03-01T00:00:00Z"),
                billingStatus(BillingStatus.PAID, "2026-03-12T00:00:00Z"),
                billingStatus(BillingStatus.CHURNED, "2026-03-05T00:00:00Z"),
                ActivationMessage.activated().email("ann@acme.test").customerId("acme").build()));
        backend.createSubscription("acme", "pro", null);

        CustomerState acme = backend.customerState("acme").orElseThrow();

        assertThat(acme.registered()).isTrue();
        assertThat(acme.name()).isEqualTo("Acme Inc");
        assertThat(acme.email()).isEqualTo("billing@acme.test");
        assertThat(acme.activePlans()).containsExactly("free", "pro");
        assertThat(acme.features()).containsExactly("slack_integration");
        assertThat(acme.subscriptions()).hasSize(2);
        assertThat(acme.billingStatus()).isEqualTo("paid");
        assertThat(acme.billingStatusAt()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
        assertThat(acme.month()).isEqualTo("2026-03");
        assertThat(acme.usage()).containsExactly(new MeteredUsage("report_exported", 2, null));
        assertThat(acme.latestActivation().identity().email()).isEqualTo("ann@acme.test");
        assertThat(acme.latestIdentify()).isNull();
    }

    @Test
    void meteredUsageListsLimitedEventsEvenBeforeTheFirstUse() {
        CustomerState acme = backend.customerState("acme").orElseThrow();

        assertThat(acme.usage()).containsExactly(new MeteredUsage("report_exported", 0, 3L));
    }

    @Test
    void customersSeenOnlyInEventsAreListedAsNotRegistered() {
        backend.send(List.of(track("stranger", "api_call", "2026-03-10T00:00:00Z")));

        assertThat(backend.customerStates()).extracting(CustomerState::customerId, CustomerState::registered)
                .containsExactly(tuple("acme", true),
                        tuple("stranger", false));
        assertThat(backend.customerState("nobody")).isEmpty();
        assertThat(backend.totals().customers()).isEqualTo(2);
    }

    @Test
    void usersKeepTheirLatestIdentifyAndStage() {
        backend.send(List.of(
                IdentifyMessage.builder().userId("u1").trait("name", "Ann").build(),
                ActivationMessage.builder(UserStage.ENGAGED).fingerprint("fp-9").build()));

        assertThat(backend.userStates()).extracting(UserState::userKey).containsExactly("fp-9", "u1");
        assertThat(backend.userStates().get(0).latestActivation().name()).isEqualTo("engaged");
        assertThat(backend.userStates().get(1).latestIdentify().properties()).containsEntry("name", "Ann");
    }

    @Test
    void theSnapshotSerializesToPlainJson() {
        backend.send(List.of(track("acme", "report_exported", "2026-03-10T00:00:00Z"),
                IdentifyMessage.builder().userId("u1").customerId("acme").build()));

        JsonNode json = JsonMapper.builder().build().valueToTree(backend.snapshot());

        assertThat(json.get("at").isString()).isTrue();
        assertThat(json.get("month").stringValue()).isEqualTo("2026-03");
        assertThat(json.get("plans").get(0).get("limits").get("report_exported").asLong()).isEqualTo(3);
        assertThat(json.get("totals").get("received").asLong()).isEqualTo(2);
        JsonNode acme = json.get("customers").get(0);
        assertThat(acme.get("usage").get(0).get("used").asLong()).isEqualTo(1);
        assertThat(acme.get("subscriptions").get(0).get("planId").stringValue()).isEqualTo("free");
        JsonNode event = json.get("recentEvents").get(1);
        assertThat(event.get("type").stringValue()).isEqualTo("track");
        assertThat(event.get("identity").get("customerId").stringValue()).isEqualTo("acme");
        assertThat(event.get("timestamp").stringValue()).isEqualTo("2026-03-10T00:00:00Z");
    }

    private static BillingStatusMessage billingStatus(BillingStatus status, String isoInstant) {
        return BillingStatusMessage.builder(status, "acme").timestamp(Instant.parse(isoInstant)).build();
    }
}
