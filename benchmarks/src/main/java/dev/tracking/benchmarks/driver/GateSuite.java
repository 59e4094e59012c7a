package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.driver.GateResults.DatabaseGate;
import dev.tracking.benchmarks.jmh.DatabaseGateBenchmark;
import dev.tracking.benchmarks.jmh.MeteredGateBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link MeteredGateBenchmark} (the in-memory store, the metered gate against the cached feature gate in the
 * same run) and {@link DatabaseGateBenchmark} on PostgreSQL and H2, each in a forked JVM with a Spring Boot context.
 */
final class GateSuite {

    static final List<String> DATABASES = List.of("postgresql", "h2");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final BenchDatabases databases;

    GateSuite(Settings settings, BenchDatabases databases) {
        this.settings = settings;
        this.databases = databases;
    }

    GateResults run() {
        Double cached = null;
        Double metered = null;
        String note = "";
        Console.step("JMH gates on the in-memory store: feature gate (cached decision) + @TrackEvent, metered gate "
                + "+ @TrackEvent");
        try {
            Map<String, Double> scores = new HashMap<>();
            for (RunResult run : new Runner(base(MeteredGateBenchmark.class, "gate-memory").threads(1)
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .warmupIterations(settings.annotationWarmups()).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(settings.annotationIterations()).measurementTime(TimeValue.seconds(1))
                    .jvmArgs("-Xms1g", "-Xmx1g").build()).run()) {
                String benchmark = run.getParams().getBenchmark();
                scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult().getScore());
            }
            cached = scores.get("cachedGateTracked");
            metered = scores.get("meteredGateTracked");
        } catch (RunnerException | RuntimeException e) {
            Console.warn("in-memory gate benchmarks failed: " + e);
            note = "failed: " + e.getMessage() + " (see " + settings.logDir() + ")";
        }
        List<DatabaseGate> results = new ArrayList<>();
        for (String store : DATABASES) {
            results.add(database(store));
        }
        return new GateResults(cached, metered, note, results);
    }

    private DatabaseGate database(String store) {
        Console.step("JMH metered gate + @TrackEvent on " + store + ", 8 threads, calls/s; then the exactness check");
        Path report = settings.logDir().resolve("gate-" + store + ".jsonl");
        try {
            Files.createDirectories(settings.logDir());
            Files.deleteIfExists(report);
            String url = store.equals("postgresql") ? databases.postgres("bench_gate") : databases.h2("bench_gate");
            Settings.Gate gate = settings.gate();
            Double callsPerSecond = null;
            for (RunResult run : new Runner(base(DatabaseGateBenchmark.class, "gate-" + store)
                    .param("store", store).timeUnit(TimeUnit.SECONDS)
                    .warmupIterations(gate.warmups()).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(gate.iterations()).measurementTime(TimeValue.seconds(1))
                    .jvmArgs("-Xms1g", "-Xmx1g", "-Dbench.gate." + store + ".url=" + url,
                            "-Dbench.report=" + report).build()).run()) {
                callsPerSecond = run.getPrimaryResult().getScore();
            }
            List<String> lines = Files.exists(report) ? Files.readAllLines(report) : List.of();
            if (lines.isEmpty()) {
                return DatabaseGate.failed(store, "the exactness check left no report (see " + settings.logDir() + ")");
            }
            JsonNode line = JSON.readTree(lines.get(lines.size() - 1));
            DatabaseGate result = new DatabaseGate(store, callsPerSecond, line.get("allowed").asLong(),
                    line.get("denied").asLong(), line.get("consumed").asLong(), line.get("cappedLimit").asLong(),
                    line.get("cappedCalls").asLong(), line.get("cappedAllowed").asLong(),
                    line.get("cappedConsumed").asLong(), "");
            Console.step(String.format("  %,.0f calls/s; %s", callsPerSecond, result.describe()));
            return result;
        } catch (RunnerException | IOException | RuntimeException e) {
            Console.warn("metered gate on " + store + " failed: " + e);
            return DatabaseGate.failed(store, "failed: " + e.getMessage() + " (see " + settings.logDir() + ")");
        }
    }

    private OptionsBuilder base(Class<?> benchmark, String log) {
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmark.getName()).forks(1).shouldFailOnError(true)
                .output(settings.logDir().resolve(log + ".log").toString());
        return options;
    }

    /** The raw results, for {@code latest.json}. */
    static Map<String, Object> raw(GateResults results) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("cachedGateTrackedNanos", results.cachedTracked());
        raw.put("meteredGateTrackedNanos", results.meteredTracked());
        raw.put("note", results.note());
        raw.put("databases", results.databases());
        return raw;
    }
}
