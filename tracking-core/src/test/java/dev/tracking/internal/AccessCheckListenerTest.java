package dev.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalPlan;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AccessCheckListenerTest {

    private final LocalBackend local = LocalBackend.builder()
            .plan(LocalPlan.of("pro").feature("slack_integration").limit("report_exported", 10))
            .customer("acme", "Acme Inc", "billing@acme.test", "pro")
            .build();
    private final List<AccessDecision> seen = new CopyOnWriteArrayList<>();
    private final TrackingListener listener = new TrackingListener() {
        @Override
        public void onAccessChecked(AccessDecision decision) {
            seen.add(decision);
        }
    };

    @Test
    void aListenerSeesEveryDecisionOfTheTrackersEntitlements() {
        try (Tracker tracker = Tracker.builder().local(local).listener(listener).build()) {
            AccessDecision slack = tracker.entitlements().checkFeature("acme", "slack_integration");
            AccessDecision beta = tracker.entitlements().checkFeature("acme", "beta", OnNoAnswer.ALLOW);
            AccessDecision exports = tracker.entitlements().checkEvent("acme", "report_exported");
            AccessDecision unknown = tracker.entitlements().checkEvent("nobody", "report_exported", OnNoAnswer.DENY);

            assertThat(seen).containsExactly(slack, beta, exports, unknown);
            assertThat(seen).extracting(AccessDecision::reason).containsExactly(AccessReason.IN_PLAN,
                    AccessReason.NOT_IN_PLAN, AccessReason.IN_PLAN, AccessReason.UNKNOWN_CUSTOMER);
            assertThat(tracker.entitlements().onNoAnswer()).isEqualTo(OnNoAnswer.DENY);
            assertThat(LocalBackend.usedBy(tracker)).containsSame(local);
        }
    }

    @Test
    void aThrowingListenerDoesNotChangeTheDecision() {
        TrackingListener throwing = new TrackingListener() {
            @Override
            public void onAccessChecked(AccessDecision decision) {
                throw new IllegalStateException("broken listener");
            }
        };
        try (Tracker tracker = Tracker.builder().local(local).listener(throwing).listener(listener).build()) {
            AccessDecision slack = tracker.entitlements().checkFeature("acme", "slack_integration");

            assertThat(slack.allowed()).isTrue();
            assertThat(seen).containsExactly(slack);
        }
    }
}
