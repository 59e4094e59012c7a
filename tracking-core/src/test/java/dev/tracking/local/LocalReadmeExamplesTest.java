package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Local backend" examples, step by step, with what the README says each step gives. */
class LocalReadmeExamplesTest {

    @Test
    void withNoConfigurationAtAll() {
        try (Tracker tracker = Tracker.builder().build()) {
            tracker.track("report_exported", Identity.ofCustomer("acme"), Map.of("format", "pdf"));
            assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();

            assertThat(tracker.entitlements().checkEvent("acme", "report_exported"))
                    .extracting(AccessDecision::allowed, AccessDecision::reason)
                    .containsExactly(false, AccessReason.UNKNOWN_CUSTOMER);

            LocalBackend local = LocalBackend.usedBy(tracker).orElseThrow();
            assertThat(local.usage("acme")).isEqualTo(Map.of("report_exported", 1L));
            assertThat(local.recentEvents().get(0)).extracting(RecordedEvent::type, RecordedEvent::name)
                    .containsExactly("track", "report_exported");
        }
    }

    @Test
    void withPlansAndCustomers() {
        LocalBackend local = LocalBackend.builder()
                .plan(LocalPlan.of("free").limit("report_exported", 3))
                .plan(LocalPlan.of("pro").feature("slack_integration"))
                .customer("acme", "Acme Inc", "billing@acme.test", "free")
                .build();

        try (Tracker tracker = Tracker.builder().local(local).build()) {
            for (int i = 0; i < 3; i++) {
                tracker.track("report_exported", Identity.ofCustomer("acme"), Map.of("format", "pdf"));
            }
            assertThat(tracker.entitlements().checkEvent("acme", "report_exported"))
                    .extracting(AccessDecision::allowed, AccessDecision::reason, AccessDecision::usage,
                            AccessDecision::limit)
                    .containsExactly(false, AccessReason.LIMIT_REACHED, BigDecimal.valueOf(3), BigDecimal.valueOf(3));
            assertThat(tracker.entitlements().checkFeature("acme", "slack_integration").reason())
                    .isEqualTo(AccessReason.NOT_IN_PLAN);

            tracker.billing().createSubscription("acme", "pro", null);
            assertThat(tracker.entitlements().checkFeature("acme", "slack_integration").reason())
                    .isEqualTo(AccessReason.IN_PLAN);
            assertThat(tracker.entitlements().checkEvent("acme", "report_exported"))
                    .extracting(AccessDecision::allowed, AccessDecision::usage, AccessDecision::limit)
                    .containsExactly(true, BigDecimal.valueOf(3), null);

            assertThat(tracker.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(local.customerState("acme").orElseThrow().activePlans()).containsExactly("free", "pro");
        }
    }
}
