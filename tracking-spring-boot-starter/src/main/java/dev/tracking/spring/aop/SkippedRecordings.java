package dev.tracking.spring.aop;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the recordings the annotations skipped before they reached the tracker (an expression that failed, no
 * identity, a property value that cannot be sent, …), by reason, for the health component and the actuator
 * endpoint; the metrics count them as {@code tracking.events{destination=none,outcome=dropped}}.
 */
public class SkippedRecordings implements TrackingAspectListener {

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

    @Override
    public void onSkipped(Class<? extends Annotation> annotation, String reason) {
        total.increment();
        byReason.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** How many recordings were skipped in all. */
    public long dropped() {
        return total.sum();
    }

    /** How many were skipped for each reason, by reason name. */
    public Map<String, Long> droppedByReason() {
        Map<String, Long> counts = new TreeMap<>();
        byReason.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /** {@code dropped} and {@code droppedByReason}, as the health component and the endpoint show them. */
    public Map<String, Object> details() {
        return Map.of("dropped", dropped(), "droppedByReason", droppedByReason());
    }
}
