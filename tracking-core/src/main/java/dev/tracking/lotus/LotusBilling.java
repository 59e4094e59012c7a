package dev.tracking.lotus;

import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        Checks.requireNonNull("customer", customer);
        try {
            return client.createCustomer(customer);
        } finally {
            entitlements.invalidate(customer.customerId());
        }
    }

    @Override
    public Optional<Customer> getCustomer(String customerId) {
        return client.getCustomer(customerId);
    }

    @Override
    public Subscription createSubscription(String customerId, String planId, Instant startDate) {
        Checks.requireText("customerId", customerId);
        try {
            return client.createSubscription(customerId, planId, startDate);
        } finally {
            entitlements.invalidate(customerId);
        }
    }

    @Override
    public List<Subscription> listSubscriptions(String customerId) {
        return client.listSubscriptions(customerId);
    }

    /** Cancels as {@link LotusClient#cancelSubscription} describes; {@code customerId} names whose answers to drop. */
    @Override
    public Subscription cancelSubscription(String customerId, String subscriptionId, CancelOptions options) {
        Checks.requireText("customerId", customerId);
        try {
            return client.cancelSubscription(subscriptionId, options);
        } finally {
            entitlements.invalidate(customerId);
        }
    }
}
