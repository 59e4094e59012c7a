package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.billing.Customer;
import dev.tracking.support.ScriptedDestination;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalBackendThroughTrackerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LocalBackend backend = DemoPlans.withAcmeOnFree(Clock.systemUTC()).build();
    private final Tracker tracker = Tracker.builder().local(backend)
            .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMinutes(1)).build()).build();

    @AfterEach
    void closeTracker() {
        tracker.close();
    }

    @Test
    void trackedEventsAreDeliveredThroughTheQueueAndCounted() {
        for (int i = 0; i < 3; i++) {
            tracker.track("report_exported", Identity.ofCustomer("acme"), Map.of("format", "pdf"));
        }

        assertThat(tracker.flush(WAIT)).isTrue();

        assertThat(backend.usage("acme", "report_exported")).isEqualTo(3);
        assertThat(backend.recentEvents()).hasSize(3)
                .allSatisfy(event -> assertThat(event.properties()).containsEntry("format", "pdf"));
        assertThat(tracker.stats()).singleElement().satisfies(stats -> {
            assertThat(stats.destination()).isEqualTo(LocalBackend.NAME);
            assertThat(stats.accepted()).isEqualTo(3);
            assertThat(stats.delivered()).isEqualTo(3);
            assertThat(stats.pending()).isZero();
        });
        AccessDecision decision = tracker.entitlements().checkEvent("acme", "report_exported");
        assertThat(decision.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(decision.usage()).isEqualTo(BigDecimal.valueOf(3));
        assertThat(decision.limit()).isEqualTo(BigDecimal.valueOf(3));
    }

    @Test
    void aCustomerAtItsLimitIsStoppedBeforeTheEventsAreDeliveredAndEachCountsOnce() {
        for (int i = 0; i < 3; i++) {
            tracker.track("report_exported", Identity.ofCustomer("acme"), null);
        }

        assertThat(tracker.entitlements().checkEvent("acme", "report_exported").reason())
                .isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(backend.recentEvents()).hasSize(3);
        assertThat(backend.usage("acme", "report_exported")).isEqualTo(3);
    }

    @Test
    void identifyActivationAndBillingStatusAreRecordedPerCustomerAndUser() {
        tracker.identify(IdentifyMessage.builder().userId("u1").email("ann@acme.test").customerId("acme").build());
        tracker.activate(ActivationMessage.activated().userId("u1").customerId("acme").build());
        tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.TRIALING, "acme").build());

        assertThat(tracker.flush(WAIT)).isTrue();

        CustomerState acme = backend.customerState("acme").orElseThrow();
        assertThat(acme.billingStatus()).isEqualTo("trialing");
        assertThat(acme.latestIdentify().identity().email()).isEqualTo("ann@acme.test");
        assertThat(acme.latestActivation().name()).isEqualTo("activated");
        assertThat(backend.userStates()).singleElement().extracting(UserState::userKey).isEqualTo("u1");
        assertThat(backend.totals().received()).isEqualTo(3);
    }

    @Test
    void billingThroughTheTrackerChangesAccessAtOnce() {
        tracker.billing().createCustomer(Customer.of("globex", "Globex", "ops@globex.test"));
        assertThat(tracker.entitlements().checkFeature("globex", "slack_integration").reason())
                .isEqualTo(AccessReason.NOT_IN_PLAN);

        tracker.billing().createSubscription("globex", "pro", null);

        assertThat(tracker.entitlements().checkFeature("globex", "slack_integration").allowed()).isTrue();
        assertThat(LocalBackend.usedBy(tracker)).containsSame(backend);
    }

    @Test
    void withOnlyOtherDestinationsAnEmptyLocalBackendAnswersRecordsNothingAndCountsUsage() {
        ScriptedDestination remote = new ScriptedDestination("remote");
        try (Tracker tracker = Tracker.builder().destination(remote).build()) {
            tracker.track("report_exported", Identity.ofCustomer("acme"), null);
            assertThat(tracker.flush(WAIT)).isTrue();

            LocalBackend local = LocalBackend.usedBy(tracker).orElseThrow();

            assertThat(tracker.stats()).extracting(DestinationStats::destination).containsExactly("remote");
            assertThat(remote.messagesSent()).isEqualTo(1);
            assertThat(local.recentEvents()).isEmpty();
            assertThat(local.usage("acme")).containsEntry("report_exported", 1L);
        }
    }

    @Test
    void aTrackerWithNothingConfiguredRunsOnAnEmptyLocalBackend() {
        try (Tracker plain = Tracker.builder().build()) {
            plain.track("report_exported", Identity.ofCustomer("acme"), null);
            assertThat(plain.flush(WAIT)).isTrue();

            LocalBackend local = LocalBackend.usedBy(plain).orElseThrow();

            assertThat(local.recentEvents()).singleElement().extracting(RecordedEvent::name)
                    .isEqualTo("report_exported");
            assertThat(local.usage("acme")).containsEntry("report_exported", 1L);
            assertThat(plain.entitlements().checkEvent("acme", "report_exported").reason())
                    .isEqualTo(AccessReason.UNKNOWN_CUSTOMER);
        }
    }
}
