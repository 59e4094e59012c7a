package dev.tracking.local;

import static dev.tracking.local.StampedMessages.times;
import static dev.tracking.local.StampedMessages.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.OnNoAnswer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalEntitlementsTest {

    private final MutableClock clock = new MutableClock("2026-03-15T12:00:00Z");
    private final LocalBackend backend = LocalBackend.builder()
            .plan(LocalPlan.of("free").limit("report_exported", 3))
            .plan(LocalPlan.of("pro").feature("slack_integration"))
            .customer("acme", "Acme Inc", "billing@acme.test", "free")
            .customer("globex", "Globex", "billing@globex.test", "pro")
            .customer("initech", "Initech", "billing@initech.test", null)
            .clock(clock)
            .build();

    @Test
    void featureInAnActivePlanIsAllowedInPlan() {
        AccessDecision decision = backend.checkFeature("globex", "slack_integration");

        assertThat(decision).isEqualTo(AccessDecision.forFeature("globex", "slack_integration", true,
                AccessReason.IN_PLAN, DecisionSource.REMOTE));
    }

    @Test
    void featureInNoActivePlanIsNotInPlan() {
        assertThat(backend.checkFeature("acme", "slack_integration"))
                .extracting(AccessDecision::allowed, AccessDecision::reason)
                .containsExactly(false, AccessReason.NOT_IN_PLAN);
        assertThat(backend.checkFeature("initech", "slack_integration").reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void meteredEventIsAllowedWhileUsageIsUnderTheLimit() {
        backend.send(times(2, "acme", "report_exported", "2026-03-10T00:00:00Z"));

        AccessDecision decision = backend.checkEvent("acme", "report_exported");

        assertThat(decision).isEqualTo(AccessDecision.forEvent("acme", "report_exported", true, AccessReason.IN_PLAN,
                BigDecimal.valueOf(2), BigDecimal.valueOf(3), DecisionSource.REMOTE));
    }

    @Test
    void meteredEventAtTheLimitIsDeniedWithUsageAndLimit() {
        backend.send(times(3, "acme", "report_exported", "2026-03-10T00:00:00Z"));

        AccessDecision decision = backend.checkEvent("acme", "report_exported");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(decision.usage()).isEqualTo(BigDecimal.valueOf(3));
        assertThat(decision.limit()).isEqualTo(BigDecimal.valueOf(3));
        assertThat(decision.event()).isEqualTo("report_exported");
        assertThat(decision.feature()).isNull();
    }

    @Test
    void anEventWithoutALimitIsUnlimitedAndReportsUsage() {
        backend.send(times(50, "globex", "report_exported", "2026-03-10T00:00:00Z"));

        AccessDecision decision = backend.checkEvent("globex", "report_exported");

        assertThat(decision).isEqualTo(AccessDecision.forEvent("globex", "report_exported", true, AccessReason.IN_PLAN,
                BigDecimal.valueOf(50), null, DecisionSource.REMOTE));
    }

    @Test
    void aZeroLimitDeniesTheFirstEvent() {
        LocalBackend zero = LocalBackend.builder().plan(LocalPlan.of("none").limit("api_call", 0))
                .customer("acme", "Acme", null, "none").clock(clock).build();

        assertThat(zero.checkEvent("acme", "api_call").reason()).isEqualTo(AccessReason.LIMIT_REACHED);
    }

    @Test
    void theMostGenerousActivePlanDecides() {
        backend.createSubscription("acme", "pro", null);
        backend.send(times(5, "acme", "report_exported", "2026-03-10T00:00:00Z"));

        AccessDecision decision = backend.checkEvent("acme", "report_exported");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.limit()).isNull();
        assertThat(LocalEntitlements.mostGenerousLimit(List.of(LocalPlan.of("a").limit("x", 3),
                LocalPlan.of("b").limit("x", 7)), "x")).isEqualTo(7L);
    }

    @Test
    void aKnownCustomerWithoutAnActivePlanIsNotInPlanForEvents() {
        backend.send(List.of(track("initech", "report_exported", "2026-03-10T00:00:00Z")));

        AccessDecision decision = backend.checkEvent("initech", "report_exported");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
        assertThat(decision.usage()).isEqualTo(BigDecimal.ONE);
        assertThat(decision.limit()).isNull();
    }

    @Test
    void unknownCustomersAreDeniedForFeaturesAndEvents() {
        backend.send(List.of(track("stranger", "report_exported", "2026-03-10T00:00:00Z")));

        assertThat(backend.checkFeature("stranger", "slack_integration"))
                .extracting(AccessDecision::allowed, AccessDecision::reason, AccessDecision::source)
                .containsExactly(false, AccessReason.UNKNOWN_CUSTOMER, DecisionSource.REMOTE);
        assertThat(backend.checkEvent("stranger", "report_exported"))
                .extracting(AccessDecision::allowed, AccessDecision::reason)
                .containsExactly(false, AccessReason.UNKNOWN_CUSTOMER);
    }

    @Test
    void theNoAnswerPolicyNeverAppliesBecauseTheBackendAlwaysAnswers() {
        backend.send(times(3, "acme", "report_exported", "2026-03-10T00:00:00Z"));

        assertThat(backend.checkEvent("acme", "report_exported", OnNoAnswer.ALLOW).reason())
                .isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(backend.checkFeature("stranger", "slack_integration", OnNoAnswer.ALLOW).allowed()).isFalse();
    }

    @Test
    void blankArgumentsAreProgrammerErrorsNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> backend.checkFeature(" ", "slack_integration"))
                .withMessageContaining("customerId");
        assertThatIllegalArgumentException().isThrownBy(() -> backend.checkEvent("acme", null))
                .withMessageContaining("eventName");
        assertThatIllegalArgumentException().isThrownBy(() -> backend.checkFeature("acme", "x", null))
                .withMessageContaining("onNoAnswer");
    }
}
