package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tracking.TrackingApiException;
import dev.tracking.access.AccessReason;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalBillingTest {

    private final MutableClock clock = new MutableClock("2026-03-15T12:00:00Z");
    private final LocalBackend backend = LocalBackend.builder()
            .plan(LocalPlan.of("free").limit("report_exported", 3))
            .plan(LocalPlan.of("pro").feature("slack_integration"))
            .customer("acme", "Acme Inc", "billing@acme.test", "free")
            .clock(clock)
            .build();

    @Test
    void aDeclaredCustomerWithAPlanHasAnActiveSubscriptionFromTheStart() {
        assertThat(backend.getCustomer("acme")).contains(Customer.of("acme", "Acme Inc", "billing@acme.test"));
        assertThat(backend.listSubscriptions("acme")).singleElement().satisfies(subscription -> {
            assertThat(subscription.planId()).isEqualTo("free");
            assertThat(subscription.isActive()).isTrue();
            assertThat(subscription.autoRenew()).isTrue();
            assertThat(subscription.startDate()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
            assertThat(subscription.endDate()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        });
    }

    @Test
    void createdCustomersCanBeReadBack() {
        Customer created = backend.createCustomer(Customer.of("globex", "Globex", "ops@globex.test"));

        assertThat(created.customerId()).isEqualTo("globex");
        assertThat(backend.getCustomer("globex")).contains(created);
        assertThat(backend.getCustomer("nobody")).isEmpty();
        assertThat(backend.listSubscriptions("globex")).isEmpty();
        assertThat(backend.checkFeature("globex", "slack_integration").reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void aDuplicateIdOrEmailIsRejectedLikeLotus() {
        TrackingApiException byId = catchThrowableOfType(TrackingApiException.class,
                () -> backend.createCustomer(Customer.of("acme", "Other", "other@acme.test")));
        TrackingApiException byEmail = catchThrowableOfType(TrackingApiException.class,
                () -> backend.createCustomer(Customer.of("acme2", "Other", "Billing@Acme.test")));

        assertThat(byId.status()).isEqualTo(400);
        assertThat(byId.title()).isEqualTo("duplicate_resource");
        assertThat(byId.detail()).contains("acme");
        assertThat(byEmail.status()).isEqualTo(400);
        assertThat(byEmail.title()).isEqualTo("duplicate_resource");
        assertThat(backend.getCustomer("acme2")).isEmpty();
    }

    @Test
    void anUnknownPlanOrCustomerIsA400NamingIt() {
        TrackingApiException plan = catchThrowableOfType(TrackingApiException.class,
                () -> backend.createSubscription("acme", "enterprise", null));
        TrackingApiException customer = catchThrowableOfType(TrackingApiException.class,
                () -> backend.createSubscription("nobody", "pro", null));

        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.detail()).contains("enterprise");
        assertThat(plan.validationErrors()).extracting(TrackingApiException.ValidationError::attr)
                .containsExactly("plan_id");
        assertThat(customer.status()).isEqualTo(400);
        assertThat(customer.detail()).contains("nobody");
    }

    @Test
    void anUpgradeGrantsTheFeatureAtOnce() {
        assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isFalse();

        Subscription pro = backend.createSubscription("acme", "pro", null);

        assertThat(pro.isActive()).isTrue();
        assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isTrue();
        assertThat(backend.listSubscriptions("acme")).extracting(Subscription::planId).containsExactly("free", "pro");
    }

    @Test
    void aSubscriptionStartingLaterGrantsNothingUntilItStarts() {
        Subscription pro = backend.createSubscription("acme", "pro", Instant.parse("2026-03-20T00:00:00Z"));

        assertThat(pro.status()).isEqualTo("not_started");
        assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isFalse();
        clock.set("2026-03-20T00:00:00Z");
        assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isTrue();
    }

    @Test
    void cancellingNowRemovesTheFeatureAtOnce() {
        Subscription pro = backend.createSubscription("acme", "pro", null);

        Subscription cancelled = backend.cancelSubscription("acme", pro.subscriptionId(), CancelOptions.immediately());

        assertThat(cancelled.status()).isEqualTo("ended");
        assertThat(cancelled.endDate()).isEqualTo(clock.instant());
        assertThat(cancelled.autoRenew()).isFalse();
        assertThat(backend.checkFeature("acme", "slack_integration").reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void cancellingAtPeriodEndKeepsAccessUntilTheEndOfTheMonth() {
        Subscription pro = backend.createSubscription("acme", "pro", null);

        Subscription cancelled = backend.cancelSubscription("acme", pro.subscriptionId(), CancelOptions.atPeriodEnd());

        assertThat(cancelled.status()).isEqualTo("active");
        assertThat(cancelled.autoRenew()).isFalse();
        assertThat(cancelled.endDate()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        clock.set("2026-03-31T23:59:59Z");
        assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isTrue();
        clock.set("2026-04-01T00:00:00Z");
        assertThat(backend.checkFeature("acme", "slack_integration").allowed()).isFalse();
        assertThat(backend.listSubscriptions("acme")).filteredOn(s -> s.planId().equals("pro"))
                .extracting(Subscription::status).containsExactly("ended");
    }

    @Test
    void theLastPlanEndingLeavesMeteredEventsNotInPlan() {
        String free = backend.listSubscriptions("acme").get(0).subscriptionId();

        backend.cancelSubscription("acme", free, CancelOptions.immediately());

        assertThat(backend.checkEvent("acme", "report_exported").reason()).isEqualTo(AccessReason.NOT_IN_PLAN);
    }

    @Test
    void cancellingAnUnknownSubscriptionIsA404AndAnEndedOneStaysEnded() {
        TrackingApiException missing = catchThrowableOfType(TrackingApiException.class,
                () -> backend.cancelSubscription("acme", "sub_999", CancelOptions.immediately()));
        String free = backend.listSubscriptions("acme").get(0).subscriptionId();
        Subscription ended = backend.cancelSubscription("acme", free, CancelOptions.immediately());
        clock.set("2026-03-16T00:00:00Z");

        Subscription again = backend.cancelSubscription("acme", free, CancelOptions.atPeriodEnd());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(again.endDate()).isEqualTo(ended.endDate());
        assertThat(again.status()).isEqualTo("ended");
    }

    @Test
    void theBuilderRejectsBadConfigurationNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalBackend.builder()
                .customer("acme", "Acme", null, "gold").build()).withMessageContaining("customers.acme.plan");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalBackend.builder()
                .customer("a", "A", "x@y.test", null).customer("b", "B", "x@y.test", null).build())
                .withMessageContaining("customers.b");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalBackend.builder()
                .plan(LocalPlan.of("free")).plan(LocalPlan.of("free"))).withMessageContaining("plans.free");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalBackend.builder().recentEventsCapacity(0))
                .withMessageContaining("recentEventsCapacity");
    }
}
