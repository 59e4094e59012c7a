package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.clients.FloorClient;
import dev.tracking.benchmarks.jmh.CallerCostBenchmark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link CallerCostBenchmark} for each client, with 1 and 2 threads, drained and undrained; the drained runs
 * also measure the floor ({@link FloorClient}). With {@code -Dbench.profile=true}, each drained fork records a JFR
 * profile of its measured iterations, sampled every millisecond, under the log directory ({@code jfr-caller-…}), and
 * makes {@value #PROFILE_ITERATIONS} times as many of them.
 */
final class CallerCostSuite {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How many times as many measured iterations a profiled run makes, so that its profile has enough samples. */
    private static final int PROFILE_ITERATIONS = 10;

    private final Settings settings;
    private final int sinkPort;

    CallerCostSuite(Settings settings, int sinkPort) {
        this.settings = settings;
        this.sinkPort = sinkPort;
    }

    List<CallerCost> run(List<String> clients) {
        List<String> withFloor = new ArrayList<>(clients);
        withFloor.add(BenchClients.FLOOR);
        List<CallerCost> results = new ArrayList<>();
        for (boolean drained : new boolean[] {true, false}) {
            for (int threads : new int[] {1, 2}) {
                results.addAll(run(drained ? withFloor : clients, threads, drained));
            }
        }
        return results;
    }

    private List<CallerCost> run(List<String> clients, int threads, boolean drained) {
        String label = "caller-" + threads + "t-" + (drained ? "drained" : "undrained");
        Path report = settings.logDir().resolve(label + ".jsonl");
        Console.step("JMH caller cost, " + threads + " thread(s), " + (drained ? "drained" : "undrained")
                + ": " + String.join(", ", clients));
        try {
            Files.createDirectories(settings.logDir());
            Files.deleteIfExists(report);
            Collection<RunResult> runs = new Runner(options(clients, threads, drained, report, label).build()).run();
            List<JsonNode> lines = Files.exists(report)
                    ? Files.readAllLines(report).stream().map(JSON::readTree).toList() : List.of();
            List<CallerCost> results = new ArrayList<>();
            for (RunResult run : runs) {
                String client = run.getParams().getParam("client");
                double perInvocation = run.getPrimaryResult().getScore();
                double nanosPerCall = drained ? perInvocation / settings.callerBatch() : perInvocation;
                JsonNode line = lines.stream().filter(l -> l.get("client").asString().equals(client)).findFirst()
                        .orElse(null);
                results.add(new CallerCost(client, threads, drained, nanosPerCall,
                        number(line, "callerBytesPerCall"), number(line, "wholeJvmBytesPerCall"),
                        line == null ? "no allocation report" : note(line)));
            }
            return results;
        } catch (RunnerException e) {
            Console.warn(label + " failed: " + e.getMessage());
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChainedOptionsBuilder options(List<String> clients, int threads, boolean drained, Path report,
            String label) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CallerCostBenchmark.class.getName() + ".track")
                .param("client", clients.toArray(String[]::new))
                .param("drained", Boolean.toString(drained))
                .threads(threads).forks(1).shouldFailOnError(true)
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvmArgs("-Xms1g", "-Xmx3g", "-Dbench.sink.port=" + sinkPort, "-Dbench.report=" + report)
                .output(settings.logDir().resolve(label + ".log").toString());
        boolean profile = drained && Boolean.getBoolean("bench.profile");
        if (profile) {
            options.addProfiler(JavaFlightRecorderProfiler.class,
                    "dir=" + settings.logDir().resolve("jfr-" + label) + ";configName="
                            + SamplingSettings.write(settings.logDir()));
        }
        if (drained) {
            return options.mode(Mode.SingleShotTime)
                    .warmupIterations(settings.callerWarmups()).warmupBatchSize(settings.callerBatch())
                    .measurementIterations(settings.callerIterations() * (profile ? PROFILE_ITERATIONS : 1))
                    .measurementBatchSize(settings.callerBatch());
        }
        TimeValue iteration = TimeValue.milliseconds(settings.undrainedIterationMillis());
        return options.mode(Mode.AverageTime)
                .warmupIterations(settings.undrainedWarmups()).warmupTime(iteration).warmupBatchSize(1)
                .measurementIterations(settings.undrainedIterations()).measurementTime(iteration)
                .measurementBatchSize(1);
    }

    private static double number(JsonNode line, String field) {
        return line != null && line.path(field).isNumber() ? line.get(field).asDouble() : Double.NaN;
    }

    private static String note(JsonNode line) {
        List<String> notes = new ArrayList<>();
        if (line.get("drainTimedOut").asBoolean()) {
            notes.add("the sink did not receive every event in time");
        }
        long lost = line.get("droppedOrFailed").asLong();
        if (lost > 0) {
            notes.add(lost + " events dropped or failed");
        }
        return String.join("; ", notes);
    }
}
