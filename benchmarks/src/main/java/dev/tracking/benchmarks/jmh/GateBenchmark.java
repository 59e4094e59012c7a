package dev.tracking.benchmarks.jmh;

import dev.tracking.benchmarks.spring.BenchApplication;
import dev.tracking.benchmarks.spring.GatedService;
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
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A {@code @GateOnFeature} call with Lotus configured against the sink's loopback Lotus stub (port in
 * {@code -Dbench.sink.port}): the same customer every time (a cached decision), or a new customer every time (a
 * cache miss, answered by the stub over HTTP).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GateBenchmark {

    private ConfigurableApplicationContext context;
    private GatedService service;
    private long nextCustomer;

    @Setup(Level.Trial)
    public void start() {
        String lotus = "http://127.0.0.1:" + Integer.getInteger("bench.sink.port");
        context = BenchApplication.start(Map.of("tracking.lotus.api-key", "bench.key",
                "tracking.lotus.base-url", lotus));
        service = context.getBean(GatedService.class);
    }

    @Benchmark
    public int cachedDecision() {
        return service.openSettings("customer-42");
    }

    @Benchmark
    public int cacheMiss() {
        return service.openSettings("customer-" + nextCustomer++);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
