package dev.tracking.local;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts tracked events per customer, event name and UTC month of the event's timestamp.
 *
 * <p>Only the current month (by the backend's clock) and later months are kept: an event stamped in an
 * earlier month is not counted, and a month's counters are removed once the clock has passed it.
 */
final class UsageLedger {

    private record Key(String customerId, String eventName, YearMonth month) {
    }

    private final Map<Key, LongAdder> counters = new ConcurrentHashMap<>();
    private final AtomicReference<YearMonth> oldestKept = new AtomicReference<>(YearMonth.of(1970, 1));

    /** Counts one {@code eventName} of {@code customerId} at {@code timestamp} unless its month has ended. */
    void record(String customerId, String eventName, Instant timestamp, YearMonth currentMonth) {
        forgetBefore(currentMonth);
        YearMonth month = UtcMonths.of(timestamp);
        if (!month.isBefore(currentMonth)) {
            counters.computeIfAbsent(new Key(customerId, eventName, month), key -> new LongAdder()).increment();
        }
    }

    /** How many {@code eventName} events {@code customerId} recorded in {@code month}. */
    long usage(String customerId, String eventName, YearMonth month) {
        forgetBefore(month);
        LongAdder counter = counters.get(new Key(customerId, eventName, month));
        return counter == null ? 0 : counter.sum();
    }

    /** The counts of every event name {@code customerId} recorded in {@code month}, by name. */
    Map<String, Long> usageIn(String customerId, YearMonth month) {
        forgetBefore(month);
        Map<String, Long> usage = new TreeMap<>();
        counters.forEach((key, counter) -> {
            if (key.customerId.equals(customerId) && key.month.equals(month)) {
                usage.put(key.eventName, counter.sum());
            }
        });
        return usage;
    }

    /** Every customer with a counter. */
    Set<String> customers() {
        Set<String> customers = new TreeSet<>();
        counters.keySet().forEach(key -> customers.add(key.customerId));
        return customers;
    }

    private void forgetBefore(YearMonth currentMonth) {
        YearMonth kept = oldestKept.get();
        if (currentMonth.isAfter(kept) && oldestKept.compareAndSet(kept, currentMonth)) {
            counters.keySet().removeIf(key -> key.month.isBefore(currentMonth));
        }
    }
}
