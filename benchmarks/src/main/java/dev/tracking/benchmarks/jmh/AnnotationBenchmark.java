package dev.tracking.benchmarks.jmh;

import dev.tracking.Tracker;
import dev.tracking.benchmarks.spring.BenchApplication;
import dev.tracking.benchmarks.spring.ExportService;
import java.util.Map;
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
 * What an annotation adds to a call of a Spring bean method: none, {@code @TrackEvent} with two SpEL properties
 * (our tracker on its default local backend), or Micrometer's {@code @Counted}. The tracker's counters after each
 * benchmark (accepted, dropped) are appended to {@code -Dbench.report}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AnnotationBenchmark {

    private static final String CUSTOMER = "customer-42";

    private ConfigurableApplicationContext context;
    private ExportService service;

    @Setup(Level.Trial)
    public void start() {
        context = BenchApplication.start(Map.of());
        service = context.getBean(ExportService.class);
    }

    @Benchmark
    public int none() {
        return service.export(CUSTOMER, "csv", 42);
    }

    @Benchmark
    public int trackEvent() {
        return service.exportTracked(CUSTOMER, "csv", 42);
    }

    @Benchmark
    public int counted() {
        return service.exportCounted(CUSTOMER, "csv", 42);
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams params) {
        TrackerCounts.report(params, context.getBean(Tracker.class));
        context.close();
    }
}
