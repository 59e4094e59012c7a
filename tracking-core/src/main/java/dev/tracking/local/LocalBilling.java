package dev.tracking.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.internal.check.Arguments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers and subscriptions in the backend's {@link LocalStore}. For a shared store each customer's account is
 * cached for a bounded time (changes made by another instance show after it), and every change made here drops
 * the customer's cached account at once; the in-memory store is read directly.
 */
final class LocalBilling implements Billing {

    private final Map<String, LocalPlan> plans;
    private final Clock clock;
    private final LocalStore store;
    private final Cache<String, Optional<LocalAccount>> cache;

    LocalBilling(Map<String, LocalPlan> plans, Clock clock, LocalStore store, Duration accountCacheTtl) {
        this.plans = Map.copyOf(plans);
        this.clock = clock;
        this.store = store;
        this.cache = store.isShared() && !accountCacheTtl.isZero()
                ? Caffeine.newBuilder().expireAfterWrite(accountCacheTtl).maximumSize(100_000).build() : null;
    }

    @Override
    public Customer createCustomer(Customer customer) {
        Arguments.requireNonNull("customer", customer);
        LocalStore.NewCustomer outcome = store.createCustomer(customer);
        forget(customer.customerId());
        return switch (outcome) {
            case CREATED -> customer;
            case ID_TAKEN -> throw LocalProblems.duplicate(
                    "A customer with customer_id '" + customer.customerId() + "' already exists");
            case EMAIL_TAKEN -> throw LocalProblems.duplicate(
                    "A customer with email '" + customer.email() + "' already exists");
        };
    }

    @Override
    public Optional<Customer> getCustomer(String customerId) {
        Arguments.requireText("customerId", customerId);
        return Optional.ofNullable(account(customerId)).map(LocalAccount::customer);
    }

    @Override
    public Subscription createSubscription(String customerId, String planId, Instant startDate) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("planId", planId);
        if (account(customerId) == null && store.account(customerId) == null) {
            throw LocalProblems.invalid("customer_id", "Customer '" + customerId + "' does not exist");
        }
        if (!plans.containsKey(planId)) {
            throw LocalProblems.invalid("plan_id", "Plan '" + planId + "' does not exist; known plans: "
                    + String.join(", ", plans.keySet().stream().sorted().toList()));
        }
        Instant now = clock.instant();
        try {
            return store.addSubscription(customerId, planId, startDate != null ? startDate : now).view(now);
        } finally {
            forget(customerId);
        }
    }

    @Override
    public List<Subscription> listSubscriptions(String customerId) {
        Arguments.requireText("customerId", customerId);
        LocalAccount account = account(customerId);
        if (account == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return account.subscriptions().stream().map(subscription -> subscription.view(now)).toList();
    }

    @Override
    public Subscription cancelSubscription(String customerId, String subscriptionId, CancelOptions options) {
        Arguments.requireText("customerId", customerId);
        Arguments.requireText("subscriptionId", subscriptionId);
        Arguments.requireNonNull("options", options);
        forget(customerId);
        LocalAccount account = store.account(customerId);
        if (account == null) {
            throw LocalProblems.invalid("customer_id", "Customer '" + customerId + "' does not exist");
        }
        Instant now = clock.instant();
        try {
            for (LocalSubscription subscription : account.subscriptions()) {
                if (subscription.subscriptionId().equals(subscriptionId)) {
                    LocalSubscription cancelled = subscription.cancel(options, now);
                    if (cancelled != subscription) {
                        store.endSubscription(customerId, subscriptionId, cancelled.endsAt());
                    }
                    return cancelled.view(now);
                }
            }
        } finally {
            forget(customerId);
        }
        throw LocalProblems.notFound("Customer '" + customerId + "' has no subscription '" + subscriptionId + "'");
    }

    /**
     * Registers a customer from configuration, subscribed to {@code planId} from now unless it is {@code null}.
     * A customer the store already has is left as it is: what changed through billing survives a restart.
     *
     * @throws IllegalArgumentException naming the customer when its plan is unknown or its email is taken
     */
    void declare(Customer customer, String planId) {
        String field = "customers." + customer.customerId();
        if (planId != null && !plans.containsKey(planId)) {
            throw new IllegalArgumentException(field + ".plan names an unknown plan '" + planId
                    + "'; known plans: " + plans.keySet().stream().sorted().toList());
        }
        LocalStore.NewCustomer outcome = store.createCustomer(customer);
        forget(customer.customerId());
        if (outcome == LocalStore.NewCustomer.EMAIL_TAKEN) {
            throw new IllegalArgumentException(field + ": A customer with email '" + customer.email()
                    + "' already exists");
        }
        if (outcome == LocalStore.NewCustomer.CREATED && planId != null) {
            createSubscription(customer.customerId(), planId, null);
        }
    }

    /** Whether {@code customerId} was declared or created. */
    boolean knows(String customerId) {
        return account(customerId) != null;
    }

    /** The plans of the customer's subscriptions that are active at {@code now}, in subscription order. */
    List<LocalPlan> activePlans(String customerId, Instant now) {
        LocalAccount account = account(customerId);
        if (account == null) {
            return List.of();
        }
        return account.subscriptions().stream().filter(subscription -> subscription.isActive(now))
                .map(subscription -> plans.get(subscription.planId())).filter(plan -> plan != null).toList();
    }

    Set<String> customerIds() {
        return store.customerIds();
    }

    Map<String, LocalPlan> plans() {
        return plans;
    }

    /** The customer's account, from the cache when the store is shared; {@code null} when unknown. */
    LocalAccount account(String customerId) {
        if (cache == null) {
            return store.account(customerId);
        }
        return cache.get(customerId, id -> Optional.ofNullable(store.account(id))).orElse(null);
    }

    /** Drops the customer's cached account, so that the next read sees this instance's change. */
    void forget(String customerId) {
        if (cache != null) {
            cache.invalidate(customerId);
        }
    }
}
