package dev.tracking.sample.api;

import dev.tracking.Tracker;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Subscription;
import dev.tracking.billing.SwitchPlanOptions;
import java.util.List;
import org.springframework.stereotype.Service;

/** Changes a customer's subscriptions through the tracker's billing calls, which also refresh the customer's gates. */
@Service
public class PlanChanges {

    private final Tracker tracker;
    private final PlanCatalog plans;

    public PlanChanges(Tracker tracker, PlanCatalog plans) {
        this.tracker = tracker;
        this.plans = plans;
    }

    /** The customer's subscriptions that grant access now. */
    public List<SubscriptionView> active(String customerId) {
        return activeSubscriptions(customerId).stream().map(this::view).toList();
    }

    /**
     * Moves the customer to the plan called {@code plan}: switches its current subscription in one step (Lotus's
     * {@code switch_plan}, the prorated difference invoiced now and usage carried over), ends any other active one,
     * or subscribes a customer that has none.
     */
    public SubscriptionView moveTo(String customerId, String plan) {
        String planId = plans.billingIdOf(plan);
        List<Subscription> current = activeSubscriptions(customerId);
        if (current.stream().anyMatch(subscription -> PlanCatalog.samePlan(subscription.planId(), planId))) {
            throw new PlanConflictException("Customer '" + customerId + "' is already on plan '" + plan + "'.");
        }
        Billing billing = tracker.billing();
        if (current.isEmpty()) {
            return view(billing.createSubscription(customerId, planId, null));
        }
        Subscription switched = billing.switchPlan(customerId, current.get(0).subscriptionId(), planId,
                SwitchPlanOptions.defaults());
        current.stream().skip(1).forEach(other ->
                billing.cancelSubscription(customerId, other.subscriptionId(), CancelOptions.immediately()));
        return view(switched);
    }

    /** Ends every active subscription of the customer now, and returns them as they now stand. */
    public List<SubscriptionView> cancelAll(String customerId) {
        List<Subscription> current = activeSubscriptions(customerId);
        if (current.isEmpty()) {
            throw new PlanConflictException("Customer '" + customerId + "' has no active subscription.");
        }
        Billing billing = tracker.billing();
        return current.stream()
                .map(subscription -> billing.cancelSubscription(
                        customerId, subscription.subscriptionId(), CancelOptions.immediately()))
                .map(this::view)
                .toList();
    }

    private List<Subscription> activeSubscriptions(String customerId) {
        return tracker.billing().listSubscriptions(customerId).stream().filter(Subscription::isActive).toList();
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, plans);
    }
}
