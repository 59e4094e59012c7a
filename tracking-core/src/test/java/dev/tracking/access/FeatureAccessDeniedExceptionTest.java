package dev.tracking.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeatureAccessDeniedExceptionTest {

    @Test
    void saysWhoWasDeniedWhatAndWhyWithUsageAndLimitWhereKnown() {
        AccessDecision limited = AccessDecision.forEvent("acme", "report_exported", false, AccessReason.LIMIT_REACHED,
                BigDecimal.valueOf(3), BigDecimal.valueOf(3), DecisionSource.REMOTE);
        AccessDecision notInPlan = AccessDecision.forFeature("acme", "slack", false, AccessReason.NOT_IN_PLAN,
                DecisionSource.CACHE);

        assertThat(new FeatureAccessDeniedException(limited)).hasMessage(
                "Customer 'acme' may not use event 'report_exported': LIMIT_REACHED (usage 3 of 3)");
        assertThat(new FeatureAccessDeniedException(notInPlan).getMessage())
                .isEqualTo("Customer 'acme' may not use feature 'slack': NOT_IN_PLAN");
    }

    @Test
    void aLimitWithoutUsageIsNotAFailureOfItsOwn() {
        AccessDecision decision = AccessDecision.forEvent("acme", "api_call", false, AccessReason.LIMIT_REACHED,
                null, BigDecimal.TEN, DecisionSource.REMOTE);

        FeatureAccessDeniedException denied = new FeatureAccessDeniedException(decision);

        assertThat(denied.decision()).isSameAs(decision);
        assertThat(denied).hasMessage("Customer 'acme' may not use event 'api_call': LIMIT_REACHED");
    }
}
