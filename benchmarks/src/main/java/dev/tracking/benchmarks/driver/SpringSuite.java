package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.jmh.AnnotationBenchmark;
import dev.tracking.benchmarks.jmh.GateBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@link AnnotationBenchmark} and {@link GateBenchmark}, each in a forked JVM with a Spring Boot context. */
final class SpringSuite {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final int sinkPort;

    SpringSuite(Settings settings, int sinkPort) {
        this.settings = settings;
        this.sinkPort = sinkPort;
    }

    SpringResults run() {
        Console.step("JMH annotation overhead (@TrackEvent, @Counted, none) and @GateOnFeature (cached, cache miss)");
        Path report = settings.logDir().resolve("spring.jsonl");
        try {
            Files.createDirectories(settings.logDir());
            Files.deleteIfExists(report);
            Map<String, Double> scores = new HashMap<>();
            Map<String, Double> bytes = new HashMap<>();
            for (RunResult run : new Runner(new OptionsBuilder()
                    .include(AnnotationBenchmark.class.getName()).include(GateBenchmark.class.getName())
                    .forks(1).threads(1).shouldFailOnError(true).timeUnit(TimeUnit.NANOSECONDS)
                    .addProfiler(GCProfiler.class)
                    .warmupIterations(settings.annotationWarmups()).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(settings.annotationIterations()).measurementTime(TimeValue.seconds(1))
                    .jvmArgs("-Xms1g", "-Xmx1g", "-Dbench.sink.port=" + sinkPort, "-Dbench.report=" + report)
                    .output(settings.logDir().resolve("spring.log").toString()).build()).run()) {
                String benchmark = run.getParams().getBenchmark();
                String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                scores.put(name, run.getPrimaryResult().getScore());
                Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
                if (allocation != null) {
                    bytes.put(name, allocation.getScore());
                }
            }
            return new SpringResults(scores.get("none"), scores.get("trackEvent"), scores.get("counted"),
                    scores.get("cachedDecision"), scores.get("cacheMiss"), bytes, "", trackerNote(report));
        } catch (RunnerException | IOException | RuntimeException e) {
            Console.warn("annotation/gate benchmarks failed: " + e);
            return SpringResults.notAvailable("failed: " + e.getMessage() + " (see " + settings.logDir() + ")");
        }
    }

    private static String trackerNote(Path report) throws IOException {
        List<String> notes = new ArrayList<>();
        if (Files.exists(report)) {
            for (String line : Files.readAllLines(report)) {
                JsonNode result = JSON.readTree(line);
                if (result.get("benchmark").asString().endsWith(".trackEvent")) {
                    notes.add(String.format("our tracker (local backend) accepted %,d events in the @TrackEvent run "
                            + "and dropped %,d", result.get("accepted").asLong(), result.get("dropped").asLong()));
                }
            }
        }
        return String.join("; ", notes);
    }
}
