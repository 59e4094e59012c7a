package dev.tracking.local;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * The backend's view of usage in its {@link LocalStore}: tracked events count in the UTC month of their own
 * timestamp unless that month has ended; reservations count in the current month. With a shared (database) store,
 * tracked events are counted in memory and written by the sender thread ({@link #flushPending()}), so tracking does
 * no database work on the caller's thread; reservations always go to the store at once.
 */
final class UsageLedger {

    private final LocalStore store;
    private final PendingUsage pending;

    UsageLedger(LocalStore store) {
        this.store = store;
        this.pending = store.isShared() ? new PendingUsage() : null;
    }

    /** Writes the usage of tracked events counted since the last call to a shared store (on the sender thread). */
    void flushPending() {
        if (pending != null) {
            pending.drainTo(store);
        }
    }

    /** Counts one {@code eventName} of {@code customerId} at {@code timestamp} unless its month has ended. */
    void record(String customerId, String eventName, Instant timestamp, YearMonth currentMonth) {
        YearMonth month = UtcMonths.of(timestamp);
        if (month.isBefore(currentMonth)) {
            return;
        }
        if (pending != null) {
            pending.add(customerId, eventName, month);
        } else {
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
        long used = store.used(customerId, eventName, month);
        return pending == null ? used : used + pending.get(customerId, eventName, month);
    }

    /** The counts of every event name {@code customerId} recorded in {@code month}, by name. */
    Map<String, Long> usageIn(String customerId, YearMonth month) {
        Map<String, Long> usage = store.usageIn(customerId, month);
        if (pending != null) {
            usage = new java.util.TreeMap<>(usage);
            pending.addTo(usage, customerId, month);
        }
        return usage;
    }

    /** Every customer with usage in {@code month} or later. */
    Set<String> customers(YearMonth month) {
        return store.customersWithUsage(month);
    }
}
