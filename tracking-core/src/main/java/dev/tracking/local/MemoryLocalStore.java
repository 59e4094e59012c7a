package dev.tracking.local;

import dev.tracking.billing.Customer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link LocalStore} in this process's memory. Billing changes are serialized and replace a customer's
 * immutable account at once; usage lives in a {@link UsageCounters}.
 */
final class MemoryLocalStore implements LocalStore {

    private final Map<String, LocalAccount> accounts = new ConcurrentHashMap<>();
    private final Set<String> emails = ConcurrentHashMap.newKeySet();
    private final UsageCounters usage = new UsageCounters();
    private long lastSubscriptionNumber;

    @Override
    public synchronized NewCustomer createCustomer(Customer customer) {
        if (accounts.containsKey(customer.customerId())) {
            return NewCustomer.ID_TAKEN;
        }
        if (customer.email() != null && !emails.add(emailKey(customer.email()))) {
            return NewCustomer.EMAIL_TAKEN;
        }
        accounts.put(customer.customerId(), new LocalAccount(customer, List.of()));
        return NewCustomer.CREATED;
    }

    @Override
    public LocalAccount account(String customerId) {
        return accounts.get(customerId);
    }

    @Override
    public Set<String> customerIds() {
        return Set.copyOf(accounts.keySet());
    }

    @Override
    public synchronized LocalSubscription addSubscription(String customerId, String planId, Instant startDate) {
        LocalAccount account = accounts.get(customerId);
        if (account == null) {
            throw new IllegalStateException("no customer " + customerId);
        }
        LocalSubscription subscription = new LocalSubscription("sub_" + ++lastSubscriptionNumber, customerId,
                planId, startDate, null);
        List<LocalSubscription> subscriptions = new ArrayList<>(account.subscriptions());
        subscriptions.add(subscription);
        accounts.put(customerId, new LocalAccount(account.customer(), subscriptions));
        return subscription;
    }

    @Override
    public synchronized boolean endSubscription(String customerId, String subscriptionId, Instant endsAt) {
        LocalAccount account = accounts.get(customerId);
        if (account == null) {
            return false;
        }
        List<LocalSubscription> subscriptions = new ArrayList<>(account.subscriptions());
        for (int i = 0; i < subscriptions.size(); i++) {
            LocalSubscription s = subscriptions.get(i);
            if (s.subscriptionId().equals(subscriptionId)) {
                subscriptions.set(i, new LocalSubscription(s.subscriptionId(), s.customerId(), s.planId(),
                        s.startDate(), endsAt));
                accounts.put(customerId, new LocalAccount(account.customer(), subscriptions));
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean tryConsume(String customerId, String eventName, YearMonth month, long quantity, long limit) {
        return usage.tryAdd(customerId, eventName, month, quantity, limit);
    }

    @Override
    public void add(String customerId, String eventName, YearMonth month, long quantity) {
        usage.add(customerId, eventName, month, quantity);
    }

    @Override
    public void release(String customerId, String eventName, YearMonth month, long quantity) {
        usage.release(customerId, eventName, month, quantity);
    }

    @Override
    public long used(String customerId, String eventName, YearMonth month) {
        return usage.get(customerId, eventName, month);
    }

    @Override
    public Map<String, Long> usageIn(String customerId, YearMonth month) {
        return usage.usageIn(customerId, month);
    }

    @Override
    public Set<String> customersWithUsage(YearMonth month) {
        return usage.customers(month);
    }

    /** Emails are unique ignoring case and surrounding blanks. */
    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
