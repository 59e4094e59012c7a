package dev.tracking.sample.api;

import dev.tracking.Tracker;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Subscription;
import java.util.List;
import org.springframework.stereotype.Service;

/** Changes a customer's subscriptions through the tracker's billing calls, which also refresh the customer's gates. */
@Service
public class PlanChanges {

    private final Tracker tracker;

    public PlanChanges(Tracker tracker) {
        this.tracker = tracker;
    }

    /** The customer's subscriptions that grant access now. */
    public List<Subscription> active(String customerId) {
        return tracker.billing().listSubscriptions(customerId).stream().filter(Subscription::isActive).toList();
    }

    /** Subscribes the customer to {@code planId}, then ends the subscriptions it replaces. */
    public Subscription moveTo(String customerId, String planId) {
        List<Subscription> replaced = active(customerId);
        if (replaced.stream().anyMatch(subscription -> subscription.planId().equals(planId))) {
            throw new PlanConflictException("Customer '" + customerId + "' is already on plan '" + planId + "'.");
        }
        Billing billing = tracker.billing();
        Subscription created = billing.createSubscription(customerId, planId, null);
        replaced.forEach(old -> billing.cancelSubscription(customerId, old.subscriptionId(), CancelOptions.immediately()));
        return created;
    }

    /** Ends every active subscription of the customer now, and returns them as they now stand. */
    public List<Subscription> cancelAll(String customerId) {
        List<Subscription> current = active(customerId);
        if (current.isEmpty()) {
            throw new PlanConflictException("Customer '" + customerId + "' has no active subscription.");
        }
        Billing billing = tracker.billing();
        return current.stream()
                .map(subscription -> billing.cancelSubscription(
                        customerId, subscription.subscriptionId(), CancelOptions.immediately()))
                .toList();
    }
}
