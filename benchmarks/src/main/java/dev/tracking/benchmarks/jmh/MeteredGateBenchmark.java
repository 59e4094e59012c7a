package dev.tracking.benchmarks.jmh;

import dev.tracking.Tracker;
import dev.tracking.benchmarks.spring.GateApplication;
import dev.tracking.benchmarks.spring.MeteredExportService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gated and tracked call on the local backend's in-memory store, one thread: behind a feature gate (a cached
 * decision, as a gate has worked so far) and behind a metered gate (one unit reserved and kept per call). The
 * tracker's counters after each benchmark are appended to {@code -Dbench.report}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MeteredGateBenchmark {

    private static final String CUSTOMER = GateApplication.customerId(0);

    private ConfigurableApplicationContext context;
    private MeteredExportService service;

    @Setup(Level.Trial)
    public void start() {
        context = GateApplication.start(null, 1);
        service = context.getBean(MeteredExportService.class);
    }

    @Benchmark
    public int cachedGateTracked() {
        return service.exportWithFeatureGate(CUSTOMER, "csv");
    }

    @Benchmark
    public int meteredGateTracked() {
        return service.exportMetered(CUSTOMER, "csv");
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) {
        TrackerCounts.report(params, context.getBean(Tracker.class));
        context.close();
    }
}
