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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link AnnotationBenchmark} and {@link GateBenchmark}, each in a forked JVM with a Spring Boot context. */
final class SpringSuite {

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
            for (RunResult run : new Runner(new OptionsBuilder()
                    .include(AnnotationBenchmark.class.getName()).include(GateBenchmark.class.getName())
                    .forks(1).threads(1).shouldFailOnError(true).timeUnit(TimeUnit.NANOSECONDS)
                    .warmupIterations(settings.annotationWarmups()).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(settings.annotationIterations()).measurementTime(TimeValue.seconds(1))
                    .jvmArgs("-Xms1g", "-Xmx1g", "-Dbench.sink.port=" + sinkPort, "-Dbench.report=" + report)
                    .output(settings.logDir().resolve("spring.log").toString()).build()).run()) {
                String benchmark = run.getParams().getBenchmark();
                scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult().getScore());
            }
            return new SpringResults(scores.get("none"), scores.get("trackEvent"), scores.get("counted"),
                    scores.get("cachedDecision"), scores.get("cacheMiss"), trackerNote(report));
        } catch (RunnerException | IOException | RuntimeException e) {
            Console.warn("annotation/gate benchmarks failed: " + e);
            return SpringResults.notAvailable("failed: " + e.getMessage() + " (see " + settings.logDir() + ")");
        }
    }

    private static String trackerNote(Path report) throws IOException {
        List<String> notes = new ArrayList<>();
        if (Files.exists(report)) {
            for (String line : Files.readAllLines(report)) {
                if (line.contains("trackEvent")) {
                    notes.add("@TrackEvent run: " + line.replaceAll(".*(\"accepted\".*)}", "$1"));
                }
            }
        }
        return String.join("; ", notes);
    }
}
