package dev.tracking.local;

import dev.tracking.billing.Customer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * Where the local backend keeps customers, subscriptions and metered usage; plans come from configuration and
 * are not stored. {@link #inMemory()} keeps them in this process (lost on restart); {@link dev.tracking.local.jdbc.JdbcLocalStore} keeps
 * them in the application's database, shared by every instance that uses it.
 *
 * <p>Usage is kept per customer, event name and UTC month. {@link #tryConsume} is the one operation that must
 * be atomic across every user of the store: it adds the quantity only when the result stays within the limit.
 * Implementations are safe for concurrent use and report failures as unchecked exceptions.
 */
public interface LocalStore {

    /** The outcome of {@link #createCustomer}. */
    enum NewCustomer {
        /** The customer was stored. */
        CREATED,
        /** A customer with this id exists. */
        ID_TAKEN,
        /** Another customer has this email (compared ignoring case and surrounding blanks). */
        EMAIL_TAKEN
    }

    /** A store in this process's memory: per instance, lost on restart. */
    static LocalStore inMemory() {
        return new MemoryLocalStore();
    }

    /** Stores {@code customer} unless its id or email is taken. */
    NewCustomer createCustomer(Customer customer);

    /** The customer with its subscriptions (oldest first), or {@code null} when it is unknown. */
    LocalAccount account(String customerId);

    /** Every stored customer id. */
    Set<String> customerIds();

    /** Stores a new open subscription of a stored customer and returns it with the id the store gave it. */
    LocalSubscription addSubscription(String customerId, String planId, Instant startDate);

    /** Sets when a subscription ends; {@code false} when the customer has no such subscription. */
    boolean endSubscription(String customerId, String subscriptionId, Instant endsAt);

    /**
     * Adds {@code quantity} to the usage when the result is at most {@code limit}, atomically: callers sharing
     * the store never together exceed the limit. Returns whether it was added.
     */
    boolean tryConsume(String customerId, String eventName, YearMonth month, long quantity, long limit);

    /** Adds {@code quantity} to the usage, with no limit. */
    void add(String customerId, String eventName, YearMonth month, long quantity);

    /** Takes back {@code quantity} units added earlier, never going below zero. */
    void release(String customerId, String eventName, YearMonth month, long quantity);

    /** The usage of one event name in {@code month}. */
    long used(String customerId, String eventName, YearMonth month);

    /** The usage of every event name of the customer in {@code month}, by name. */
    Map<String, Long> usageIn(String customerId, YearMonth month);

    /** Every customer with usage in {@code month} or later. */
    Set<String> customersWithUsage(YearMonth month);

    /**
     * Whether other processes may change the store, so that what this process reads of a customer can be
     * cached only for a bounded time. {@code false} for the in-memory store.
     */
    default boolean isShared() {
        return false;
    }
}
