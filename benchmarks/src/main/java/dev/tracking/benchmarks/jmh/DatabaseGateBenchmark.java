package dev.tracking.benchmarks.jmh;

import dev.tracking.Tracker;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.spring.GateApplication;
import dev.tracking.benchmarks.spring.MeteredExportService;
import dev.tracking.local.LocalBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The metered gate and {@code @TrackEvent} on the local backend's JDBC store, 8 threads, calls per second: the
 * database's URL comes from {@code -Dbench.gate.<store>.url} (the driver starts it). Every call reserves one unit
 * in the database. At the end of the trial it checks exactness and appends it to {@code -Dbench.report}: the usage
 * the database holds against the calls that were allowed, then {@value #CAPPED_THREADS} threads making
 * {@value #CAPPED_CALLS_PER_THREAD} calls each, all at once, for a customer with a limit of
 * {@value GateApplication#CAPPED_LIMIT}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DatabaseGateBenchmark {

    /** Customers the calls rotate through, all on a plan whose limit no run reaches. */
    static final int CUSTOMERS = 16;
    static final int CAPPED_THREADS = 8;
    static final int CAPPED_CALLS_PER_THREAD = 40;

    @Param({"postgresql", "h2"})
    public String store;

    private ConfigurableApplicationContext context;
    private MeteredExportService service;
    private final String[] customers = new String[CUSTOMERS];
    private final LongAdder allowed = new LongAdder();
    private final LongAdder denied = new LongAdder();

    /** Each calling thread's place in the customer rotation. */
    @State(Scope.Thread)
    public static class Caller {
        int next;

        @Setup(Level.Trial)
        public void spread() {
            next = (int) (Thread.currentThread().getId() % CUSTOMERS);
        }
    }

    @Setup(Level.Trial)
    public void start() {
        String url = System.getProperty("bench.gate." + store + ".url");
        if (url == null) {
            throw new IllegalStateException("-Dbench.gate." + store + ".url is not set");
        }
        context = GateApplication.start(url, CUSTOMERS);
        service = context.getBean(MeteredExportService.class);
        for (int i = 0; i < CUSTOMERS; i++) {
            customers[i] = GateApplication.customerId(i);
        }
    }

    @Benchmark
    public int meteredGateTracked(Caller caller) {
        String customer = customers[caller.next++ % CUSTOMERS];
        try {
            int result = service.exportMetered(customer, "csv");
            allowed.increment();
            return result;
        } catch (FeatureAccessDeniedException e) {
            denied.increment();
            return -1;
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        try {
            LocalBackend backend = LocalBackend.usedBy(context.getBean(Tracker.class))
                    .orElseThrow(() -> new IllegalStateException("the tracker has no local backend"));
            long consumed = 0;
            for (String customer : customers) {
                consumed += backend.usage(customer, MeteredExportService.EVENT);
            }
            long cappedAllowed = callCappedCustomerAtOnce();
            long cappedConsumed = backend.usage(GateApplication.CAPPED_CUSTOMER, MeteredExportService.EVENT);
            String report = System.getProperty("bench.report");
            if (report != null) {
                new ResultLine().put("store", store).put("allowed", allowed.sum()).put("denied", denied.sum())
                        .put("consumed", consumed).put("cappedLimit", GateApplication.CAPPED_LIMIT)
                        .put("cappedCalls", (long) CAPPED_THREADS * CAPPED_CALLS_PER_THREAD)
                        .put("cappedAllowed", cappedAllowed).put("cappedConsumed", cappedConsumed)
                        .appendTo(Path.of(report));
            }
        } finally {
            context.close();
        }
    }

    /** {@value #CAPPED_THREADS} threads released together, calling for the capped customer; returns the allowed calls. */
    private long callCappedCustomerAtOnce() throws InterruptedException {
        LongAdder cappedAllowed = new LongAdder();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CAPPED_THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < CAPPED_CALLS_PER_THREAD; i++) {
                    try {
                        service.exportMetered(GateApplication.CAPPED_CUSTOMER, "csv");
                        cappedAllowed.increment();
                    } catch (FeatureAccessDeniedException e) {
                        // the limit is reached: the call is denied, as it must be
                    }
                }
            }, "capped-" + t);
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return cappedAllowed.sum();
    }
}
