package dev.tracking.benchmarks.driver;

/**
 * Nanoseconds per call of the annotation and gate benchmarks; {@code null} where a benchmark did not run.
 *
 * @param none the method without annotation
 * @param trackEvent the method with {@code @TrackEvent} and two SpEL properties
 * @param counted the method with Micrometer's {@code @Counted}
 * @param gateCached a {@code @GateOnFeature} call answered from the cache
 * @param gateMiss a {@code @GateOnFeature} call that asks the Lotus stub
 * @param note what went wrong or qualifies the numbers, or {@code ""}
 */
record SpringResults(Double none, Double trackEvent, Double counted, Double gateCached, Double gateMiss,
        String note) {

    static SpringResults notAvailable(String reason) {
        return new SpringResults(null, null, null, null, null, reason);
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
