package dev.tracking.local;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage of tracked events counted in memory until the sender thread writes it to a shared store, so that tracking
 * an event does no database work on the caller's thread. Reads add what is still pending. A failed write keeps the
 * counts for the next one.
 */
final class PendingUsage {

    private static final Logger log = LoggerFactory.getLogger(PendingUsage.class);

    record Key(String customerId, String eventName, YearMonth month) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    void add(String customerId, String eventName, YearMonth month) {
        pending.computeIfAbsent(new Key(customerId, eventName, month), key -> new LongAdder()).increment();
    }

    long get(String customerId, String eventName, YearMonth month) {
        LongAdder adder = pending.get(new Key(customerId, eventName, month));
        return adder == null ? 0 : adder.sum();
    }

    /** Adds this customer's pending counts of {@code month} to {@code usage}, by event name. */
    void addTo(Map<String, Long> usage, String customerId, YearMonth month) {
        pending.forEach((key, adder) -> {
            long count = adder.sum();
            if (count > 0 && key.customerId().equals(customerId) && key.month().equals(month)) {
                usage.merge(key.eventName(), count, Long::sum);
            }
        });
    }

    /** Writes every pending count to {@code store}. */
    void drainTo(LocalStore store) {
        for (Map.Entry<Key, LongAdder> entry : pending.entrySet()) {
            long count = entry.getValue().sumThenReset();
            if (count == 0) {
                continue;
            }
            Key key = entry.getKey();
            try {
                store.add(key.customerId(), key.eventName(), key.month(), count);
                if (failing.compareAndSet(true, false)) {
                    log.info("The local backend writes usage to its store again");
                }
            } catch (RuntimeException e) {
                entry.getValue().add(count);
                if (failing.compareAndSet(false, true)) {
                    log.warn("The local backend could not write usage to its store; kept for the next try: {}",
                            e.getMessage());
                }
                return;
            }
        }
    }
}
