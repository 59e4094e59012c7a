package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPlanTest {

    @Test
    void aPlanReadsLikeItsConfigurationAndStaysImmutable() {
        LocalPlan free = LocalPlan.of("free");

        LocalPlan pro = free.feature("slack_integration").features(List.of("sso")).limit("api_call", 1000)
                .limits(Map.of("report_exported", 3));

        assertThat(free.features()).isEmpty();
        assertThat(free.limits()).isEmpty();
        assertThat(pro.features()).containsExactly("slack_integration", "sso");
        assertThat(pro.grants("sso")).isTrue();
        assertThat(pro.limitFor("api_call")).isEqualTo(1000L);
        assertThat(pro.limitFor("report_exported")).isEqualTo(3L);
        assertThat(pro.limitFor("anything_else")).isNull();
    }

    @Test
    void invalidValuesAreRejectedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalPlan.of(" ")).withMessageContaining("plan id");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalPlan.of("free").limit("report_exported", -1))
                .withMessageContaining("plans.free.limits.report_exported");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalPlan.of("free").feature(""))
                .withMessageContaining("plans.free.features");
    }
}
