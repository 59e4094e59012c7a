package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.Identity;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.GateOnFeature.NoAnswer;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class GateOnFeatureAspectTest {

    private final AspectFixture fixture = new AspectFixture();
    private final Integrations integrations = fixture.proxy(new Integrations(fixture));

    @Test
    void runsTheMethodWhenTheFeatureIsAllowed() {
        assertThat(integrations.postToSlack("acme")).isEqualTo("posted");
        assertThat(fixture.calls).containsExactly("postToSlack");
        assertThat(fixture.tracker.decisions()).singleElement().satisfies(d -> {
            assertThat(d.customerId()).isEqualTo("acme");
            assertThat(d.feature()).isEqualTo("slack_integration");
        });
        assertThat(fixture.checked).extracting(AccessDecision::allowed).containsExactly(true);
    }

    @Test
    void deniesWithoutRunningTheMethod() {
        fixture.tracker.entitlements().deny("slack_integration");
        assertThatThrownBy(() -> integrations.postToSlack("acme")).isInstanceOfSatisfying(
                FeatureAccessDeniedException.class, ex -> {
                    assertThat(ex.decision().reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
                    assertThat(ex.decision().customerId()).isEqualTo("acme");
                });
        assertThat(fixture.calls).isEmpty();
        assertThat(fixture.checked).extracting(AccessDecision::allowed).containsExactly(false);
    }

    @Test
    void checksAMeteredEventWithUsageAndLimit() {
        fixture.tracker.entitlements().limit("report_exported", 1);
        integrations.export("acme");
        fixture.tracker.track("report_exported", Identity.ofCustomer("acme"), null);
        assertThatThrownBy(() -> integrations.export("acme")).isInstanceOfSatisfying(
                FeatureAccessDeniedException.class, ex -> {
                    assertThat(ex.decision().event()).isEqualTo("report_exported");
                    assertThat(ex.decision().reason()).isEqualTo(AccessReason.LIMIT_REACHED);
                    assertThat(ex.decision().usage()).isEqualByComparingTo(BigDecimal.ONE);
                    assertThat(ex.decision().limit()).isEqualByComparingTo(BigDecimal.ONE);
                });
        assertThat(fixture.calls).containsExactly("export");
    }

    @Test
    void appliesTheConfiguredPolicyWithoutAnAnswer() {
        fixture.tracker.entitlements().unavailable();
        assertThatThrownBy(() -> integrations.postToSlack("acme")).isInstanceOf(FeatureAccessDeniedException.class);
        assertThat(integrations.failOpen("acme")).isEqualTo("open");
        assertThatThrownBy(() -> integrations.failClosed("acme")).isInstanceOf(FeatureAccessDeniedException.class);
        assertThat(fixture.checked).extracting(AccessDecision::source).containsOnly(DecisionSource.FALLBACK);
    }

    @Test
    void usesTheResolverForTheCustomerAndFallsBackToThePolicyWithoutOne() {
        fixture.current = Identity.ofCustomer("globex");
        integrations.resolved();
        assertThat(fixture.tracker.decisions()).extracting(AccessDecision::customerId).containsExactly("globex");

        fixture.current = Identity.empty();
        assertThatThrownBy(integrations::resolved).isInstanceOfSatisfying(FeatureAccessDeniedException.class,
                ex -> assertThat(ex.decision().reason()).isEqualTo(AccessReason.UNKNOWN_CUSTOMER));
    }

    @Test
    void treatsAFailingExpressionAsNoAnswer() {
        assertThatThrownBy(() -> integrations.postToSlack(null)).isInstanceOfSatisfying(
                FeatureAccessDeniedException.class, ex -> {
                    assertThat(ex.decision().source()).isEqualTo(DecisionSource.FALLBACK);
                    assertThat(ex.decision().reason()).isEqualTo(AccessReason.UNKNOWN_CUSTOMER);
                });
        assertThat(integrations.failOpen(null)).isEqualTo("open");
    }

    @Test
    void returnsAFailedStageFromAnAsyncMethod() {
        fixture.tracker.entitlements().denyAll();
        CompletionStage<String> stage = integrations.async("acme");
        assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> stage.toCompletableFuture().join())
                .hasCauseInstanceOf(FeatureAccessDeniedException.class);
        assertThat(fixture.calls).isEmpty();
    }

    @Test
    void gatesThroughAJdkProxyWithAClassLevelAnnotation() {
        fixture.tracker.entitlements().denyAll();
        Admin admin = fixture.proxy(new ClassLevelAdmin(), false);
        assertThatThrownBy(() -> admin.purge("acme")).isInstanceOf(FeatureAccessDeniedException.class);
        fixture.tracker.entitlements().allowAll();
        assertThat(admin.purge("acme")).isEqualTo("purged");
    }

    public static class Integrations {

        private final AspectFixture fixture;

        public Integrations(AspectFixture fixture) {
            this.fixture = fixture;
        }

        @GateOnFeature(value = "slack_integration", customerId = "#customerId")
        public String postToSlack(String customerId) {
            fixture.calls.add("postToSlack");
            return "posted";
        }

        @GateOnFeature(event = "report_exported", customerId = "#customerId")
        public void export(String customerId) {
            fixture.calls.add("export");
        }

        @GateOnFeature(feature = "beta", customerId = "#customerId", onNoAnswer = NoAnswer.ALLOW)
        public String failOpen(String customerId) {
            return "open";
        }

        @GateOnFeature(feature = "beta", customerId = "#customerId", onNoAnswer = NoAnswer.DENY)
        public String failClosed(String customerId) {
            return "closed";
        }

        @GateOnFeature("reports")
        public void resolved() {
        }

        @GateOnFeature(value = "async", customerId = "#customerId")
        public CompletionStage<String> async(String customerId) {
            fixture.calls.add("async");
            return CompletableFuture.completedFuture("done");
        }
    }

    public interface Admin {
        String purge(String customerId);
    }

    @GateOnFeature(feature = "admin", customerId = "#customerId")
    public static class ClassLevelAdmin implements Admin {

        @Override
        public String purge(String customerId) {
            return "purged";
        }
    }
}
