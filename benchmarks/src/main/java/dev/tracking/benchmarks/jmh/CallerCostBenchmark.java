package dev.tracking.benchmarks.jmh;

import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.clients.ClientShutdown;
import dev.tracking.benchmarks.clients.FloorClient;
import dev.tracking.benchmarks.measure.AllocationMeter;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.sink.SinkCount;
import dev.tracking.benchmarks.sink.SinkProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What recording one event costs the calling thread: our {@code track()}, Segment's {@code enqueue} and PostHog's
 * {@code capture}, each delivering to the sink whose port is in {@code -Dbench.sink.port}; and the floor
 * ({@link FloorClient}), whose consumer thread drains its queue without sending anything.
 *
 * <p>Drained (the default): each iteration is a fixed batch of calls per thread (single-shot mode), after which
 * the last thread waits until the sink has counted every event sent so far, so the next iteration starts with an
 * empty backlog; the whole JVM's allocation is read after that wait, delivery included. Undrained: the driver
 * runs it in average-time mode with no wait, which measures a growing backlog (or, for a bounded queue, drops).
 * Caller-thread bytes per call and whole-JVM bytes per call are appended to {@code -Dbench.report}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 20, batchSize = 10_000)
@Measurement(iterations = 30, batchSize = 10_000)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class CallerCostBenchmark {

    /** Our tracker's queue in this benchmark: large enough that a drained iteration never drops. */
    static final int QUEUE_CAPACITY = 1_000_000;

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    @Param({BenchClients.OURS_OUTLIT, BenchClients.SEGMENT, BenchClients.POSTHOG, BenchClients.FLOOR})
    public String client;

    @Param({"true"})
    public boolean drained;

    private final IterationTally tally = new IterationTally();
    private BenchClient bench;
    private SinkProbe sink;
    private long sinkBaseline;
    private boolean drainTimedOut;

    @Setup(Level.Trial)
    public void start() {
        sink = new SinkProbe(Integer.getInteger("bench.sink.port"));
        sinkBaseline = sink.count().events();
        bench = BenchClients.create(client, sink.baseUrl(), BenchClients.holding(QUEUE_CAPACITY));
    }

    @Benchmark
    public void track(Caller caller) {
        bench.send();
        caller.calls++;
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) throws InterruptedException {
        tally.awaitQuiet();
        long notDelivered = bench.droppedOrFailed();
        ClientShutdown.closeWithin(bench, Duration.ofSeconds(10));
        String report = System.getProperty("bench.report");
        if (report != null) {
            new ResultLine().put("benchmark", "caller").put("client", client).put("drained", drained)
                    .put("threads", params.getThreads()).put("calls", tally.measuredCalls())
                    .put("callerBytesPerCall", tally.callerBytesPerCall())
                    .put("wholeJvmBytesPerCall", drained ? tally.wholeJvmBytesPerCall() : Double.NaN)
                    .put("droppedOrFailed", notDelivered).put("drainTimedOut", drainTimedOut)
                    .appendTo(Path.of(report));
        }
    }

    void afterIteration(long calls, long callerBytes, boolean measured, int threads) {
        if (!tally.threadEnded(calls, callerBytes, measured, threads)) {
            return;
        }
        try {
            if (drained) {
                drain(measured);
            }
        } finally {
            tally.iterationFinished();
        }
    }

    private void drain(boolean measured) {
        if (bench instanceof FloorClient floor) {
            drainTimedOut |= !floor.awaitConsumed(tally.published(), DRAIN_TIMEOUT);
            tally.iterationDelivered(measured);
            return;
        }
        bench.flush();
        LongSupplier expected = () -> sinkBaseline + tally.published() - bench.droppedOrFailed();
        SinkCount count = sink.awaitEvents(expected, DRAIN_TIMEOUT, 1);
        drainTimedOut |= count.events() < expected.getAsLong();
        tally.iterationDelivered(measured);
    }

    /** Per-thread call counting and caller-thread allocation. */
    @State(Scope.Thread)
    public static class Caller {
        long calls;
        private long bytesAtStart;

        @Setup(Level.Iteration)
        public void begin(CallerCostBenchmark benchmark) {
            calls = 0;
            benchmark.tally.threadStarting();
            bytesAtStart = AllocationMeter.currentThread();
        }

        @TearDown(Level.Iteration)
        public void end(CallerCostBenchmark benchmark, IterationParams iteration, ThreadParams thread) {
            long bytes = AllocationMeter.currentThread() - bytesAtStart;
            benchmark.afterIteration(calls, bytes, iteration.getType() == IterationType.MEASUREMENT,
                    thread.getThreadCount());
        }
    }
}
