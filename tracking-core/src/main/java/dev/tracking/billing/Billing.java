package dev.tracking.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Customers and subscriptions in the billing backend (Lotus, or the local backend). Calls are synchronous
 * with timeouts; failures throw {@link dev.tracking.TrackingApiException}. Creating or cancelling a
 * subscription invalidates that customer's cached access decisions.
 */
public interface Billing {

    /** Creates a customer; a duplicate id or email fails with status 400 and title {@code duplicate_resource}. */
    Customer createCustomer(Customer customer);

    /** The customer with this id, or empty when the backend does not know it. */
    Optional<Customer> getCustomer(String customerId);

    /** Subscribes {@code customerId} to {@code planId} from {@code startDate} ({@code null} = now). */
    Subscription createSubscription(String customerId, String planId, Instant startDate);

    /** The customer's subscriptions. */
    List<Subscription> listSubscriptions(String customerId);

    /** Cancels a subscription of {@code customerId} as {@code options} say, and returns it as it now stands. */
    Subscription cancelSubscription(String customerId, String subscriptionId, CancelOptions options);

    /**
     * Moves subscription {@code subscriptionId} of {@code customerId} to plan {@code planId} and returns the
     * subscription that now grants access. Lotus does it in one step ({@code switch_plan}, with {@code options});
     * a backend without such a step subscribes the customer to the new plan from now and then ends the old
     * subscription at once, and ignores {@code options}.
     */
    default Subscription switchPlan(String customerId, String subscriptionId, String planId,
            SwitchPlanOptions options) {
        Subscription next = createSubscription(customerId, planId, null);
        cancelSubscription(customerId, subscriptionId, CancelOptions.immediately());
        return next;
    }
}
