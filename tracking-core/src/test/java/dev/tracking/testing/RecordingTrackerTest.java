package dev.tracking.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.Identity;
import dev.tracking.IdentifyMessage;
import dev.tracking.TrackMessage;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.OnNoAnswer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingTrackerTest {

    private final RecordingTracker tracker = new RecordingTracker();

    @Test
    void recordsEveryMessageInOrderAndFiltersByKind() {
        tracker.track("report_exported", Identity.ofCustomer("acme"), Map.of("format", "pdf"));
        tracker.identify(IdentifyMessage.builder().userId("u1").build());
        tracker.billingStatus(BillingStatusMessage.builder(BillingStatus.PAID, "acme").build());
        tracker.track("api_call", Identity.ofUser("u1"), null);

        assertThat(tracker.messages()).hasSize(4);
        assertThat(tracker.events()).extracting(TrackMessage::eventName).containsExactly("report_exported", "api_call");
        assertThat(tracker.eventsNamed("report_exported")).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("format", "pdf"));
        assertThat(tracker.identifies()).hasSize(1);
        assertThat(tracker.billingStatuses(BillingStatus.PAID)).hasSize(1);
        assertThat(tracker.billingStatuses(BillingStatus.CHURNED)).isEmpty();
        assertThat(tracker.stats()).singleElement().satisfies(s -> {
            assertThat(s.destination()).isEqualTo(RecordingTracker.DESTINATION);
            assertThat(s.accepted()).isEqualTo(4);
            assertThat(s.delivered()).isEqualTo(4);
        });
    }

    @Test
    void flushCompletesAtOnceAndClearForgets() {
        tracker.track("a", Identity.ofCustomer("c"), null);
        assertThat(tracker.flush()).isCompleted();
        assertThat(tracker.flush(Duration.ofMillis(1))).isTrue();
        assertThat(tracker.queueSize()).isZero();
        tracker.clear();
        assertThat(tracker.messages()).isEmpty();
    }

    @Test
    void rejectsNullAndCallsAfterClose() {
        assertThatIllegalArgumentException().isThrownBy(() -> tracker.track(null)).withMessageContaining("message");
        tracker.close();
        tracker.close();
        assertThat(tracker.isClosed()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> tracker.track("a", Identity.ofCustomer("c"), null));
    }

    @Test
    void allowsEverythingByDefaultAndDeniesWhenTold() {
        assertThat(tracker.entitlements().checkFeature("acme", "slack").allowed()).isTrue();
        tracker.entitlements().deny("slack");
        AccessDecision denied = tracker.entitlements().checkFeature("acme", "slack");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
        assertThat(denied.source()).isEqualTo(DecisionSource.REMOTE);

        tracker.entitlements().denyAll().allow("export");
        assertThat(tracker.entitlements().checkFeature("acme", "slack").allowed()).isFalse();
        assertThat(tracker.entitlements().checkEvent("acme", "export").allowed()).isTrue();
        assertThat(tracker.decisions()).hasSize(4);
    }

    @Test
    void limitsMeteredEventsFromRecordedUsagePerCustomer() {
        tracker.entitlements().limit("report_exported", 2);
        tracker.track("report_exported", Identity.ofCustomer("acme"), null);
        tracker.track("report_exported", Identity.ofCustomer("acme"), null);
        tracker.track("report_exported", Identity.ofCustomer("globex"), null);

        AccessDecision acme = tracker.entitlements().checkEvent("acme", "report_exported");
        assertThat(acme.allowed()).isFalse();
        assertThat(acme.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(acme.usage()).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(acme.limit()).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(tracker.entitlements().checkEvent("globex", "report_exported").allowed()).isTrue();
    }

    @Test
    void withoutAnAnswerFollowsThePolicyOfTheCall() {
        tracker.entitlements().unavailable();
        assertThat(tracker.entitlements().checkFeature("acme", "slack").allowed()).isFalse();
        AccessDecision open = tracker.entitlements().checkEvent("acme", "export", OnNoAnswer.ALLOW);
        assertThat(open.allowed()).isTrue();
        assertThat(open.reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        assertThat(open.source()).isEqualTo(DecisionSource.FALLBACK);
        tracker.entitlements().onNoAnswer(OnNoAnswer.ALLOW);
        assertThat(tracker.entitlements().checkFeature("acme", "slack").allowed()).isTrue();
    }

    @Test
    void rejectsBlankArgumentsAndBillingWithoutBackend() {
        assertThatIllegalArgumentException().isThrownBy(() -> tracker.entitlements().checkFeature(" ", "slack"))
                .withMessageContaining("customerId");
        assertThatIllegalArgumentException().isThrownBy(() -> tracker.entitlements().limit("x", -1))
                .withMessageContaining("limit");
        assertThatThrownBy(tracker::billing).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("withBilling");
    }
}
