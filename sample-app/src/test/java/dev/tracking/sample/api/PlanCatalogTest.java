package dev.tracking.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {

    private final PlanCatalog lotusPlans = new PlanCatalog(Map.of("pro", "9a1b7c1e-0000-4000-8000-000000000001"));

    @Test
    void aMappedNameTranslatesBothWays() {
        assertThat(lotusPlans.billingIdOf("pro")).isEqualTo("9a1b7c1e-0000-4000-8000-000000000001");
        assertThat(lotusPlans.nameOf("9a1b7c1e-0000-4000-8000-000000000001")).isEqualTo("pro");
    }

    @Test
    void anUnmappedPlanIsItsOwnId() {
        assertThat(lotusPlans.billingIdOf("free")).isEqualTo("free");
        assertThat(lotusPlans.nameOf("another-id")).isEqualTo("another-id");
        assertThat(new PlanCatalog(null).billingIdOf("pro")).isEqualTo("pro");
    }

    @Test
    void lotusAnswersPlanIdsAsPlanHexAndTheyStillMapToTheirName() {
        assertThat(lotusPlans.nameOf("plan_9a1b7c1e000040008000000000000001")).isEqualTo("pro");
        assertThat(PlanCatalog.samePlan("plan_9a1b7c1e000040008000000000000001",
                "9a1b7c1e-0000-4000-8000-000000000001")).isTrue();
        assertThat(PlanCatalog.samePlan("free", "pro")).isFalse();
        assertThat(PlanCatalog.samePlan("pro", "pro")).isTrue();
    }
}
