package dev.tracking.lotus;

import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.billing.SwitchPlanOptions;
import dev.tracking.internal.check.Arguments;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Customers and subscriptions in Lotus, through {@link LotusClient}. Creating a customer and creating or
 * cancelling a subscription drop that customer's cached access answers (also when the call fails, since Lotus
 * may have applied it before the answer was lost).
 */
public final class LotusBilling implements Billing {

    private final LotusClient client;
    private final Entitlements entitlements;

    LotusBilling(LotusClient client, Entitlements entitlements) {
        this.client = client;
        this.entitlements = entitlements;
    }

    @Override
    public Customer createCustomer(Customer customer) {
        Arguments.requireNonNull("customer", customer);
        return invalidatingAfter(customer.customerId(), () -> client.createCustomer(customer));
    }

    @Override
    public Optional<Customer> getCustomer(String customerId) {
        return client.getCustomer(customerId);
    }

    @Override
    public Subscription createSubscription(String customerId, String planId, Instant startDate) {
        Arguments.requireText("customerId", customerId);
        return invalidatingAfter(customerId, () -> client.createSubscription(customerId, planId, startDate));
    }

    @Override
    public List<Subscription> listSubscriptions(String customerId) {
        return client.listSubscriptions(customerId);
    }

    /** Cancels as {@link LotusClient#cancelSubscription} describes; {@code customerId} names whose answers to drop. */
    @Override
    public Subscription cancelSubscription(String customerId, String subscriptionId, CancelOptions options) {
        Arguments.requireText("customerId", customerId);
        return invalidatingAfter(customerId, () -> client.cancelSubscription(subscriptionId, options));
    }

    /** Switches plans as {@link LotusClient#switchPlan} describes, in one step; drops the customer's cached answers. */
    @Override
    public Subscription switchPlan(String customerId, String subscriptionId, String planId,
            SwitchPlanOptions options) {
        Arguments.requireText("customerId", customerId);
        return invalidatingAfter(customerId, () -> client.switchPlan(subscriptionId, planId, options));
    }

    /** Runs {@code call}, then drops the customer's cached answers whether it succeeded or not. */
    private <T> T invalidatingAfter(String customerId, Supplier<T> call) {
        try {
            return call.get();
        } finally {
            entitlements.invalidate(customerId);
        }
    }
}
