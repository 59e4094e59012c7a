package dev.tracking.local;

import java.time.Clock;

/**
 * The set-up most local-backend tests start from: plan {@code free} (3 {@code report_exported} a month), plan
 * {@code pro} (feature {@code slack_integration}, exports unlimited) and customer {@code acme} on {@code free}.
 */
final class DemoPlans {

    private DemoPlans() {
    }

    /** A builder with both plans and acme on free, on {@code clock}; add to it before building. */
    static LocalBackendBuilder withAcmeOnFree(Clock clock) {
        return LocalBackend.builder()
                .plan(LocalPlan.of("free").limit("report_exported", 3))
                .plan(LocalPlan.of("pro").feature("slack_integration"))
                .customer("acme", "Acme Inc", "billing@acme.test", "free")
                .clock(clock);
    }
}
