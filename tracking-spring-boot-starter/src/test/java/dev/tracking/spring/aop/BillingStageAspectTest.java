package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.Identity;
import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.EventProperty;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BillingStageAspectTest {

    private final AspectFixture fixture = new AspectFixture();
    private final Subscriptions subscriptions = fixture.proxy(new Subscriptions());

    @Test
    void reportsTheStatusWithPropertiesAfterSuccess() {
        subscriptions.upgrade("acme", "pro");
        BillingStatusMessage message = fixture.tracker.billingStatuses(BillingStatus.PAID).get(0);
        assertThat(message.customerId()).isEqualTo("acme");
        assertThat(message.properties()).containsEntry("plan", "pro").containsEntry("subscription", "sub-acme");
    }

    @Test
    void reportsNothingWhenTheMethodFails() {
        assertThatIllegalStateException().isThrownBy(() -> subscriptions.cancel("acme", true));
        assertThat(fixture.tracker.billingStatuses()).isEmpty();
        subscriptions.cancel("acme", false);
        assertThat(fixture.tracker.billingStatuses(BillingStatus.CHURNED)).hasSize(1);
    }

    @Test
    void reportsWhenACompletionStageCompletesNormallyOnly() {
        CompletableFuture<String> ok = new CompletableFuture<>();
        CompletableFuture<String> failed = new CompletableFuture<>();
        subscriptions.startTrial("acme", ok);
        subscriptions.startTrial("globex", failed);
        assertThat(fixture.tracker.billingStatuses()).isEmpty();
        failed.completeExceptionally(new IllegalStateException("no"));
        ok.complete("trial");
        assertThat(fixture.tracker.billingStatuses(BillingStatus.TRIALING)).extracting(BillingStatusMessage::customerId)
                .containsExactly("acme");
    }

    @Test
    void takesTheCustomerFromTheResolverOrSkipsWithoutOne() {
        fixture.current = Identity.ofCustomer("globex");
        subscriptions.resolved();
        fixture.current = Identity.ofUser("someone");
        subscriptions.resolved();
        assertThat(fixture.tracker.billingStatuses()).extracting(BillingStatusMessage::customerId)
                .containsExactly("globex");
        assertThat(fixture.skipped).containsExactly("BillingStage:no_identity");
    }

    @Test
    void skipsAndCountsAnExpressionError() {
        subscriptions.upgrade(null, "pro");
        assertThat(fixture.tracker.billingStatuses()).isEmpty();
        assertThat(fixture.skipped).containsExactly("BillingStage:expression_error");
    }

    public static class Subscriptions {

        @BillingStage(value = BillingStatus.PAID, customerId = "#customerId",
                properties = "{'plan': #plan}", property = @EventProperty(name = "subscription", value = "#result"))
        @SuppressWarnings("unused")
        public String upgrade(String customerId, String plan) {
            return "sub-" + customerId;
        }

        @BillingStage(value = BillingStatus.CHURNED, customerId = "#customerId")
        public void cancel(String customerId, boolean fail) {
            if (fail) {
                throw new IllegalStateException("cannot cancel");
            }
        }

        @BillingStage(value = BillingStatus.TRIALING, customerId = "#customerId")
        public CompletableFuture<String> startTrial(String customerId, CompletableFuture<String> outcome) {
            return outcome;
        }

        @BillingStage(BillingStatus.PAID)
        public void resolved() {
        }
    }
}
