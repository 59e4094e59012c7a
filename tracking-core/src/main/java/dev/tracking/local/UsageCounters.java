package dev.tracking.local;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In-memory usage counters per customer, event name and UTC month, with an atomic add-within-limit.
 *
 * <p>Counters are nested maps (customer, then event name, then month) so that counting allocates nothing once
 * the counter exists. Months before the latest month asked about are dropped.
 */
final class UsageCounters {

    private final Map<String, Map<String, Map<YearMonth, AtomicLong>>> counters = new ConcurrentHashMap<>();
    private final AtomicReference<YearMonth> oldestKept = new AtomicReference<>(YearMonth.of(1970, 1));

    /** Adds {@code quantity} when the total stays within {@code limit}; compare-and-set, so never over it. */
    boolean tryAdd(String customerId, String eventName, YearMonth month, long quantity, long limit) {
        forgetBefore(month);
        AtomicLong counter = counter(customerId, eventName, month);
        while (true) {
            long used = counter.get();
            if (used > limit - quantity) {
                return false;
            }
            if (counter.compareAndSet(used, used + quantity)) {
                return true;
            }
        }
    }

    /** Adds with no limit; {@code month} may be a later one than the current, so nothing is forgotten here. */
    void add(String customerId, String eventName, YearMonth month, long quantity) {
        counter(customerId, eventName, month).addAndGet(quantity);
    }

    void release(String customerId, String eventName, YearMonth month, long quantity) {
        AtomicLong counter = existing(customerId, eventName, month);
        if (counter != null) {
            counter.updateAndGet(used -> Math.max(0, used - quantity));
        }
    }

    long get(String customerId, String eventName, YearMonth month) {
        forgetBefore(month);
        AtomicLong counter = existing(customerId, eventName, month);
        return counter == null ? 0 : counter.get();
    }

    Map<String, Long> usageIn(String customerId, YearMonth month) {
        forgetBefore(month);
        Map<String, Long> usage = new TreeMap<>();
        counters.getOrDefault(customerId, Map.of()).forEach((eventName, months) -> {
            AtomicLong counter = months.get(month);
            if (counter != null) {
                usage.put(eventName, counter.get());
            }
        });
        return usage;
    }

    Set<String> customers(YearMonth month) {
        forgetBefore(month);
        Set<String> customers = new TreeSet<>();
        counters.forEach((customerId, events) -> {
            if (events.values().stream().anyMatch(months -> !months.isEmpty())) {
                customers.add(customerId);
            }
        });
        return customers;
    }

    private AtomicLong existing(String customerId, String eventName, YearMonth month) {
        Map<String, Map<YearMonth, AtomicLong>> events = counters.get(customerId);
        Map<YearMonth, AtomicLong> months = events == null ? null : events.get(eventName);
        return months == null ? null : months.get(month);
    }

    private AtomicLong counter(String customerId, String eventName, YearMonth month) {
        AtomicLong counter = existing(customerId, eventName, month);
        if (counter != null) {
            return counter;
        }
        return counters.computeIfAbsent(customerId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(eventName, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(month, key -> new AtomicLong());
    }

    private void forgetBefore(YearMonth currentMonth) {
        YearMonth kept = oldestKept.get();
        if (currentMonth.isAfter(kept) && oldestKept.compareAndSet(kept, currentMonth)) {
            counters.values().forEach(events -> events.values()
                    .forEach(months -> months.keySet().removeIf(month -> month.isBefore(currentMonth))));
        }
    }
}
