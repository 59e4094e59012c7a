package dev.tracking.local;

import dev.tracking.TrackingApiException;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customers and subscriptions in memory. Reads take no lock; changes are serialized, and each replaces the
 * customer's immutable account at once, so a check sees a plan change completely or not at all.
 */
final class LocalBilling implements Billing {

    private record Account(Customer customer, List<LocalSubscription> subscriptions) {
    }

    private final Map<String, LocalPlan> plans;
    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Set<String> emails = ConcurrentHashMap.newKeySet();
    private long lastSubscriptionNumber;

    LocalBilling(Map<String, LocalPlan> plans, Clock clock) {
        this.plans = Map.copyOf(plans);
        this.clock = clock;
    }

    @Override
    public synchronized Customer createCustomer(Customer customer) {
        Checks.requireNonNull("customer", customer);
        if (accounts.containsKey(customer.customerId())) {
            throw LocalProblems.duplicate("A customer with customer_id '" + customer.customerId() + "' already exists");
        }
        if (customer.email() != null && !emails.add(normalized(customer.email()))) {
            throw LocalProblems.duplicate("A customer with email '" + customer.email() + "' already exists");
        }
        accounts.put(customer.customerId(), new Account(customer, List.of()));
        return customer;
    }

    @Override
    public Optional<Customer> getCustomer(String customerId) {
        Checks.requireText("customerId", customerId);
        return Optional.ofNullable(accounts.get(customerId)).map(Account::customer);
    }

    @Override
    public synchronized Subscription createSubscription(String customerId, String planId, Instant startDate) {
        Checks.requireText("customerId", customerId);
        Checks.requireText("planId", planId);
        Account account = accounts.get(customerId);
        if (account == null) {
            throw LocalProblems.invalid("customer_id", "Customer '" + customerId + "' does not exist");
        }
        if (!plans.containsKey(planId)) {
            throw LocalProblems.invalid("plan_id", "Plan '" + planId + "' does not exist; known plans: "
                    + String.join(", ", plans.keySet().stream().sorted().toList()));
        }
        Instant now = clock.instant();
        LocalSubscription subscription = new LocalSubscription("sub_" + ++lastSubscriptionNumber, customerId,
                planId, startDate != null ? startDate : now, null);
        List<LocalSubscription> subscriptions = new ArrayList<>(account.subscriptions());
        subscriptions.add(subscription);
        accounts.put(customerId, new Account(account.customer(), List.copyOf(subscriptions)));
        return subscription.view(now);
    }

    @Override
    public List<Subscription> listSubscriptions(String customerId) {
        Checks.requireText("customerId", customerId);
        Account account = accounts.get(customerId);
        if (account == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return account.subscriptions().stream().map(subscription -> subscription.view(now)).toList();
    }

    @Override
    public synchronized Subscription cancelSubscription(String customerId, String subscriptionId,
            CancelOptions options) {
        Checks.requireText("customerId", customerId);
        Checks.requireText("subscriptionId", subscriptionId);
        Checks.requireNonNull("options", options);
        Account account = accounts.get(customerId);
        if (account == null) {
            throw LocalProblems.invalid("customer_id", "Customer '" + customerId + "' does not exist");
        }
        Instant now = clock.instant();
        List<LocalSubscription> subscriptions = new ArrayList<>(account.subscriptions());
        for (int i = 0; i < subscriptions.size(); i++) {
            if (subscriptions.get(i).subscriptionId().equals(subscriptionId)) {
                LocalSubscription cancelled = subscriptions.get(i).cancel(options, now);
                subscriptions.set(i, cancelled);
                accounts.put(customerId, new Account(account.customer(), List.copyOf(subscriptions)));
                return cancelled.view(now);
            }
        }
        throw LocalProblems.notFound("Customer '" + customerId + "' has no subscription '" + subscriptionId + "'");
    }

    /**
     * Registers a customer from configuration, subscribed to {@code planId} from now unless it is {@code null}.
     *
     * @throws IllegalArgumentException naming the customer when its plan is unknown or its email is taken
     */
    void declare(Customer customer, String planId) {
        String field = "customers." + customer.customerId();
        if (planId != null && !plans.containsKey(planId)) {
            throw new IllegalArgumentException(field + ".plan names an unknown plan '" + planId
                    + "'; known plans: " + plans.keySet().stream().sorted().toList());
        }
        try {
            createCustomer(customer);
        } catch (TrackingApiException duplicate) {
            throw new IllegalArgumentException(field + ": " + duplicate.detail(), duplicate);
        }
        if (planId != null) {
            createSubscription(customer.customerId(), planId, null);
        }
    }

    /** Whether {@code customerId} was declared or created. */
    boolean knows(String customerId) {
        return accounts.containsKey(customerId);
    }

    /** The plans of the customer's subscriptions that are active at {@code now}, in subscription order. */
    List<LocalPlan> activePlans(String customerId, Instant now) {
        Account account = accounts.get(customerId);
        if (account == null) {
            return List.of();
        }
        return account.subscriptions().stream().filter(subscription -> subscription.isActive(now))
                .map(subscription -> plans.get(subscription.planId())).toList();
    }

    Set<String> customerIds() {
        return Set.copyOf(accounts.keySet());
    }

    Map<String, LocalPlan> plans() {
        return plans;
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
