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
 * @param steady the steady-state CPU runs
 * @param web the end-to-end runs
 * @param gate the metered gate on the database stores
 * @param outbox the outbox runs on PostgreSQL
 * @param smoke whether everything was shrunk to a smoke test ({@code -Dbench.smoke=true}): the numbers mean nothing
 */
record Settings(boolean quick, Path resultsDir, Path logDir, int callerBatch, int callerWarmups, int callerIterations,
        int undrainedWarmups, int undrainedIterations, int undrainedIterationMillis, int deliveryEvents,
        int deliveryRuns, int overloadSeconds, int overloadRate, int overloadSinkMicrosPerEvent, int closeEvents,
        int annotationWarmups, int annotationIterations, Steady steady, Web web, Gate gate, Outbox outbox, boolean smoke) {

    /**
     * Steady-state CPU: a burst of {@code warmupEvents} delivered, then a producer at {@code rate} events/s for
     * {@code settleSeconds}, then {@code windows} windows of {@code windowSeconds} measured together.
     */
    record Steady(int warmupEvents, int rate, int settleSeconds, int windowSeconds, int windows) {
    }

    /**
     * End-to-end: {@code connections} keep-alive connections; each app warmed up for {@code warmupSeconds}, then
     * {@code rounds} rounds of one {@code roundSeconds} run per app, alternating.
     */
    record Web(int connections, int warmupSeconds, int roundSeconds, int rounds) {
    }

    /** The metered gate on a database store: {@code warmups} and {@code iterations} of one second, 8 threads. */
    record Gate(int warmups, int iterations) {
    }

    /**
     * The outbox on PostgreSQL: {@code callerThreads} threads calling {@code track()} outside a transaction for
     * {@code callerSeconds} after as long a warm-up; {@code transactions} transactions of each kind (0, 1 and 10
     * events), alternating, after as many for warm-up; then {@code deliveryEvents} events delivered to the sink.
     */
    record Outbox(int callerThreads, int callerSeconds, int transactions, int deliveryEvents) {
    }

    /** The full suite: 1M events per delivery run, medians of 3, 60 s of overload, a 1M burst before close. */
    static Settings full(Path moduleDir) {
        return new Settings(false, moduleDir.resolve("results"), moduleDir.resolve("target/bench-logs"),
                10_000, 50, 40, 3, 5, 1000, 1_000_000, 3, 60, 50_000, 200, 1_000_000, 12, 10,
                new Steady(1_000_000, 20_000, 5, 6, 5), new Web(8, 20, 10, 5), new Gate(5, 5),
                new Outbox(8, 5, 2_000, 500_000), false);
    }

    /**
     * The quick suite: the full suite's delivery runs (1M events, medians of 3: short runs would mostly measure a
     * cold JIT), 15 s of overload, a 1M burst, and fewer caller-cost, annotation, undrained, steady-state and
     * end-to-end iterations.
     */
    static Settings quickSuite(Path moduleDir) {
        return new Settings(true, moduleDir.resolve("results"), moduleDir.resolve("target/bench-logs"),
                10_000, 50, 20, 1, 3, 500, 1_000_000, 3, 15, 50_000, 200, 1_000_000, 8, 5,
                new Steady(500_000, 20_000, 2, 3, 3), new Web(8, 10, 4, 3), new Gate(2, 3),
                new Outbox(8, 2, 300, 100_000), false);
    }

    /** These settings shrunk so that every part runs in seconds: to check that it works, not to measure. */
    Settings smokeTest() {
        return new Settings(quick, resultsDir, logDir, 1_000, 3, 2, 1, 1, 100,
                50_000, 1, 3, 50_000, 200, 50_000, 1, 1, new Steady(50_000, 20_000, 1, 1, 2),
                new Web(web.connections(), 2, 1, 2), new Gate(1, 1), new Outbox(outbox.callerThreads(), 1, 50, 10_000),
                true);
    }

    /** One line saying what was run, printed with the results. */
    String describe() {
        return (smoke ? "SMOKE TEST (numbers mean nothing): " : "")
                + (quick ? "QUICK suite (smaller than the full one): " : "Full suite: ")
                + String.format("delivery %,d events x %d runs per client (median); overload %d s at %,d events/s "
                        + "into a sink taking %,d events/s; close() after a %,d-event burst; drained caller cost "
                        + "%d x %,d calls per thread measured after %d warm-up iterations; annotation and gate "
                        + "benchmarks %d s measured after %d s of warm-up; steady state: %,d events/s for %d x %d s "
                        + "after a %,d-event burst and %d s at that rate; end to end: %d connections, %d x %d s per "
                        + "app after %d s of warm-up each; metered gate on a database: 8 threads, %d s measured "
                        + "after %d s of warm-up; outbox: %d threads calling track() for %d s, %,d transactions of "
                        + "each kind, %,d events delivered",
                        deliveryEvents, deliveryRuns, overloadSeconds, overloadRate,
                        1_000_000 / overloadSinkMicrosPerEvent, closeEvents, callerIterations, callerBatch,
                        callerWarmups, annotationIterations, annotationWarmups, steady.rate(), steady.windows(),
                        steady.windowSeconds(), steady.warmupEvents(), steady.settleSeconds(), web.connections(),
                        web.rounds(), web.roundSeconds(), web.warmupSeconds(), gate.iterations(), gate.warmups(),
                        outbox.callerThreads(), outbox.callerSeconds(), outbox.transactions(),
                        outbox.deliveryEvents());
    }
}
