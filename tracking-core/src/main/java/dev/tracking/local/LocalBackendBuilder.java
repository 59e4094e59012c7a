package dev.tracking.local;

import dev.tracking.billing.Customer;
import dev.tracking.internal.check.Arguments;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link LocalBackend}; the shape follows the starter's {@code tracking.local.plans.<plan>} and
 * {@code tracking.local.customers.<id>} properties.
 */
public final class LocalBackendBuilder {

    private static final int MAX_RECENT_EVENTS = 1_000_000;

    private final Map<String, LocalPlan> plans = new LinkedHashMap<>();
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, String> customerPlans = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private int recentEventsCapacity = 1_000;
    private LocalStore store;
    private Duration accountCacheTtl = DEFAULT_ACCOUNT_CACHE_TTL;

    /** How long a customer's account read from a shared store is used before it is read again. */
    public static final Duration DEFAULT_ACCOUNT_CACHE_TTL = Duration.ofSeconds(5);

    LocalBackendBuilder() {
    }

    /** Adds a plan; two plans may not share an id. */
    public LocalBackendBuilder plan(LocalPlan plan) {
        Arguments.requireNonNull("plan", plan);
        if (plans.putIfAbsent(plan.id(), plan) != null) {
            throw new IllegalArgumentException("plans." + plan.id() + " is declared twice");
        }
        return this;
    }

    /** Declares a customer with an active subscription to {@code planId} ({@code null}: no subscription). */
    public LocalBackendBuilder customer(String customerId, String name, String email, String planId) {
        return customer(Customer.of(customerId, name, email), planId);
    }

    /** Declares a customer with an active subscription to {@code planId} ({@code null}: no subscription). */
    public LocalBackendBuilder customer(Customer customer, String planId) {
        Arguments.requireNonNull("customer", customer);
        if (customers.putIfAbsent(customer.customerId(), customer) != null) {
            throw new IllegalArgumentException("customers." + customer.customerId() + " is declared twice");
        }
        customerPlans.put(customer.customerId(), planId);
        return this;
    }

    /** The clock for the current month, subscription periods and receipt times (tests inject one). */
    public LocalBackendBuilder clock(Clock value) {
        clock = Arguments.requireNonNull("clock", value);
        return this;
    }

    /** Where customers, subscriptions and usage are kept; {@link LocalStore#inMemory()} unless set. */
    public LocalBackendBuilder store(LocalStore value) {
        store = Arguments.requireNonNull("store", value);
        return this;
    }

    /**
     * How long a customer's account (customer and subscriptions) read from a shared store is reused, so that a
     * feature gate does no database work; changes made through this backend apply at once, changes made by
     * another instance after at most this long. Zero reads the store on every check. 5 seconds by default;
     * the in-memory store is never cached.
     */
    public LocalBackendBuilder accountCacheTtl(Duration value) {
        Arguments.requireNonNull("accountCacheTtl", value);
        if (value.isNegative()) {
            throw new IllegalArgumentException("accountCacheTtl must not be negative, was " + value);
        }
        accountCacheTtl = value;
        return this;
    }

    /** How many of the most recent messages to keep for read-back (1,000 by default). */
    public LocalBackendBuilder recentEventsCapacity(int value) {
        if (value < 1 || value > MAX_RECENT_EVENTS) {
            throw new IllegalArgumentException(
                    "recentEventsCapacity must be between 1 and " + MAX_RECENT_EVENTS + ", was " + value);
        }
        recentEventsCapacity = value;
        return this;
    }

    /**
     * Builds the backend; each declared customer the store does not have yet is stored, with a subscription
     * active from now when it has a plan. A customer already in the store keeps its subscriptions.
     *
     * @throws IllegalArgumentException naming the customer when its plan is unknown or its email is taken
     */
    public LocalBackend build() {
        LocalBackend backend = new LocalBackend(plans, clock, recentEventsCapacity,
                store != null ? store : LocalStore.inMemory(), accountCacheTtl);
        customers.forEach((id, customer) -> backend.declare(customer, customerPlans.get(id)));
        return backend;
    }
}
