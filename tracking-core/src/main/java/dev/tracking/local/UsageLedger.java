package dev.tracking.local;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * The backend's view of usage in its {@link LocalStore}: tracked events count in the UTC month of their own
 * timestamp unless that month has ended; reservations count in the current month.
 */
final class UsageLedger {

    private final LocalStore store;

    UsageLedger(LocalStore store) {
        this.store = store;
    }

    /** Counts one {@code eventName} of {@code customerId} at {@code timestamp} unless its month has ended. */
    void record(String customerId, String eventName, Instant timestamp, YearMonth currentMonth) {
        YearMonth month = UtcMonths.of(timestamp);
        if (!month.isBefore(currentMonth)) {
            store.add(customerId, eventName, month, 1);
        }
    }

    /** Adds {@code quantity} in {@code month} when the total stays within {@code limit}. */
    boolean tryConsume(String customerId, String eventName, YearMonth month, long quantity, long limit) {
        return store.tryConsume(customerId, eventName, month, quantity, limit);
    }

    /** Adds {@code quantity} in {@code month}, unlimited. */
    void consume(String customerId, String eventName, YearMonth month, long quantity) {
        store.add(customerId, eventName, month, quantity);
    }

    void release(String customerId, String eventName, YearMonth month, long quantity) {
        store.release(customerId, eventName, month, quantity);
    }

    /** How many {@code eventName} events {@code customerId} recorded in {@code month}. */
    long usage(String customerId, String eventName, YearMonth month) {
        return store.used(customerId, eventName, month);
    }

    /** The counts of every event name {@code customerId} recorded in {@code month}, by name. */
    Map<String, Long> usageIn(String customerId, YearMonth month) {
        return store.usageIn(customerId, month);
    }

    /** Every customer with usage in {@code month} or later. */
    Set<String> customers(YearMonth month) {
        return store.customersWithUsage(month);
    }
}
