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
 * earlier month is not counted, and a month's counters are removed once the clock has passed it. Counters are
 * nested maps (customer, then event name, then month) so that counting an event allocates nothing once its
 * counter exists.
 */
final class UsageLedger {

    private final Map<String, Map<String, Map<YearMonth, LongAdder>>> counters = new ConcurrentHashMap<>();
    private final AtomicReference<YearMonth> oldestKept = new AtomicReference<>(YearMonth.of(1970, 1));

    /** Counts one {@code eventName} of {@code customerId} at {@code timestamp} unless its month has ended. */
    void record(String customerId, String eventName, Instant timestamp, YearMonth currentMonth) {
        forgetBefore(currentMonth);
        YearMonth month = UtcMonths.of(timestamp);
        if (!month.isBefore(currentMonth)) {
            counter(customerId, eventName, month).increment();
        }
    }

    /** How many {@code eventName} events {@code customerId} recorded in {@code month}. */
    long usage(String customerId, String eventName, YearMonth month) {
        forgetBefore(month);
        Map<String, Map<YearMonth, LongAdder>> events = counters.get(customerId);
        Map<YearMonth, LongAdder> months = events == null ? null : events.get(eventName);
        LongAdder counter = months == null ? null : months.get(month);
        return counter == null ? 0 : counter.sum();
    }

    /** The counts of every event name {@code customerId} recorded in {@code month}, by name. */
    Map<String, Long> usageIn(String customerId, YearMonth month) {
        forgetBefore(month);
        Map<String, Long> usage = new TreeMap<>();
        counters.getOrDefault(customerId, Map.of()).forEach((eventName, months) -> {
            LongAdder counter = months.get(month);
            if (counter != null) {
                usage.put(eventName, counter.sum());
            }
        });
        return usage;
    }

    /** Every customer with a counter. */
    Set<String> customers() {
        Set<String> customers = new TreeSet<>();
        counters.forEach((customerId, events) -> {
            if (events.values().stream().anyMatch(months -> !months.isEmpty())) {
                customers.add(customerId);
            }
        });
        return customers;
    }

    private LongAdder counter(String customerId, String eventName, YearMonth month) {
        Map<String, Map<YearMonth, LongAdder>> events = counters.get(customerId);
        if (events == null) {
            events = counters.computeIfAbsent(customerId, id -> new ConcurrentHashMap<>());
        }
        Map<YearMonth, LongAdder> months = events.get(eventName);
        if (months == null) {
            months = events.computeIfAbsent(eventName, name -> new ConcurrentHashMap<>());
        }
        LongAdder counter = months.get(month);
        return counter != null ? counter : months.computeIfAbsent(month, key -> new LongAdder());
    }

    private void forgetBefore(YearMonth currentMonth) {
        YearMonth kept = oldestKept.get();
        if (currentMonth.isAfter(kept) && oldestKept.compareAndSet(kept, currentMonth)) {
            counters.values().forEach(events -> events.values()
                    .forEach(months -> months.keySet().removeIf(month -> month.isBefore(currentMonth))));
        }
    }
}
