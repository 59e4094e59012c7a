package dev.tracking.benchmarks.driver;

import java.util.Map;

/**
 * Nanoseconds per call of the annotation and gate benchmarks; {@code null} where a benchmark did not run.
 *
 * @param none the method without annotation
 * @param trackEvent the method with {@code @TrackEvent} and two SpEL properties
 * @param counted the method with Micrometer's {@code @Counted}
 * @param gateCached a {@code @GateOnFeature} call answered from the cache
 * @param gateMiss a {@code @GateOnFeature} call that asks the Lotus stub
 * @param bytes bytes allocated per call by the whole JVM (JMH's {@code gc.alloc.rate.norm}), by benchmark name
 * @param note what went wrong, or {@code ""}
 * @param trackerNote what our tracker did with the events of the {@code @TrackEvent} run, or {@code ""}
 */
record SpringResults(Double none, Double trackEvent, Double counted, Double gateCached, Double gateMiss,
        Map<String, Double> bytes, String note, String trackerNote) {

    static SpringResults notAvailable(String reason) {
        return new SpringResults(null, null, null, null, null, Map.of(), reason, "");
    }

    /** Bytes allocated per call of benchmark {@code name} ({@code none}, {@code trackEvent}, …), or {@code null}. */
    Double bytesOf(String name) {
        return bytes.get(name);
    }

    /** The notes of the {@code @TrackEvent} rows. */
    String trackEventNote() {
        return note.isEmpty() ? trackerNote : trackerNote.isEmpty() ? note : note + "; " + trackerNote;
    }

    /** What {@code @TrackEvent} adds to a call, or {@code null}. */
    Double trackEventOverhead() {
        return none == null || trackEvent == null ? null : trackEvent - none;
    }

    /** What {@code @Counted} adds to a call, or {@code null}. */
    Double countedOverhead() {
        return none == null || counted == null ? null : counted - none;
    }
}
