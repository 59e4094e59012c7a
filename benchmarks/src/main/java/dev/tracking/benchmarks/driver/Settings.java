package dev.tracking.benchmarks.driver;

import java.nio.file.Path;

/**
 * How much of everything to run: the full suite, or the quick one (fewer events, runs and iterations).
 *
 * @param quick whether this is the quick suite
 * @param resultsDir where {@code latest.json} goes
 * @param logDir where every child JVM's output goes
 * @param callerBatch calls per thread in each drained caller-cost iteration
 * @param callerWarmups drained warm-up iterations
 * @param callerIterations drained measured iterations
 * @param undrainedWarmups undrained warm-up iterations (of {@code undrainedIterationMillis} each)
 * @param undrainedIterations undrained measured iterations
 * @param undrainedIterationMillis the length of one undrained iteration
 * @param deliveryEvents events per delivery run
 * @param deliveryRuns delivery runs per client (the median is reported)
 * @param overloadSeconds how long the overload producer runs
 * @param overloadRate the overload producer's events per second
 * @param overloadSinkMicrosPerEvent what each event costs the slow sink (its capacity is the inverse)
 * @param closeEvents the burst before {@code close()}
 * @param annotationWarmups warm-up iterations of one second for annotation and gate benchmarks
 * @param annotationIterations measured iterations of one second for annotation and gate benchmarks
 */
record Settings(boolean quick, Path resultsDir, Path logDir, int callerBatch, int callerWarmups, int callerIterations,
        int undrainedWarmups, int undrainedIterations, int undrainedIterationMillis, int deliveryEvents,
        int deliveryRuns, int overloadSeconds, int overloadRate, int overloadSinkMicrosPerEvent, int closeEvents,
        int annotationWarmups, int annotationIterations) {

    /** The full suite: 1M events per delivery run, medians of 3, 60 s of overload, a 1M burst before close. */
    static Settings full(Path moduleDir) {
        return new Settings(false, moduleDir.resolve("results"), moduleDir.resolve("target/bench-logs"),
                10_000, 50, 40, 3, 5, 1000, 1_000_000, 3, 60, 50_000, 200, 1_000_000, 12, 10);
    }

    /**
     * The quick suite: the full suite's delivery runs (1M events, medians of 3: short runs would mostly measure a
     * cold JIT), 15 s of overload, a 1M burst, and fewer caller-cost and annotation iterations.
     */
    static Settings quickSuite(Path moduleDir) {
        return new Settings(true, moduleDir.resolve("results"), moduleDir.resolve("target/bench-logs"),
                10_000, 50, 20, 2, 3, 500, 1_000_000, 3, 15, 50_000, 200, 1_000_000, 8, 5);
    }

    /** One line saying what was run, printed with the results. */
    String describe() {
        return (quick ? "QUICK suite (smaller than the full one): " : "Full suite: ")
                + String.format("delivery %,d events x %d runs per client (median); overload %d s at %,d events/s "
                        + "into a sink taking %,d events/s; close() after a %,d-event burst; drained caller cost "
                        + "%d x %,d calls per thread measured after %d warm-up iterations; annotation and gate "
                        + "benchmarks %d s measured after %d s of warm-up",
                        deliveryEvents, deliveryRuns, overloadSeconds, overloadRate,
                        1_000_000 / overloadSinkMicrosPerEvent, closeEvents, callerIterations, callerBatch,
                        callerWarmups, annotationIterations, annotationWarmups);
    }
}
