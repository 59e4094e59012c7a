package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.clients.BenchClients;
import dev.tracking.benchmarks.web.WebStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every benchmark side by side — our tracker (Outlit and Lotus destinations) against Segment
 * analytics-java and posthog-java — prints one table and writes {@code results/latest.json}.
 *
 * <p>Arguments: {@code --quick} for the short suite; {@code --only=caller,delivery,steady,overload,close,spring,web,
 * gate,outbox} to run a subset ({@code web-postgresql} or {@code web-in-memory}: the end-to-end rows of one store). System property {@code bench.moduleDir} is the benchmarks module directory (default: the working
 * directory); {@code bench.smoke=true} shrinks every part to seconds (to check that the parts work, not to
 * measure); {@code bench.profile=true} records a JFR profile of each drained caller-cost fork. Only a run of every
 * part, not shrunk, writes {@code results/latest.*} and the README's table; other runs write to
 * {@code target/bench-partial} or {@code target/bench-smoke}. JMH's machine-wide lock is not taken: on a shared build machine another JMH run would otherwise make
 * this one fail; the load average printed with the results tells how quiet the machine was.
 */
public final class BenchmarkDriver {

    private static final List<String> OURS = List.of(BenchClients.OURS_OUTLIT, BenchClients.OURS_LOTUS);
    private static final Set<String> ALL_PARTS = Set.of("caller", "delivery", "steady", "overload", "close", "spring",
            "web", "gate", "outbox");

    private BenchmarkDriver() {
    }

    public static void main(String[] args) {
        System.setProperty("jmh.ignoreLock", "true");
        boolean quick = List.of(args).contains("--quick");
        Set<String> parts = parts(args);
        Path moduleDir = Path.of(System.getProperty("bench.moduleDir", ".")).toAbsolutePath().normalize();
        Settings suite = quick ? Settings.quickSuite(moduleDir) : Settings.full(moduleDir);
        Settings settings = Boolean.getBoolean("bench.smoke") ? suite.smokeTest() : suite;
        Console.step(settings.describe());
        double loadBefore = loadAverage();
        SuiteResults results;
        BenchDatabases databases = new BenchDatabases(settings.logDir());
        try (SinkProcess sink = SinkProcess.start(0, settings.logDir().resolve("sink.log"));
                SinkProcess slowSink = SinkProcess.start(settings.overloadSinkMicrosPerEvent(),
                        settings.logDir().resolve("sink-slow.log"))) {
            Map<String, String> unavailable = Availability.unavailable(OURS, sink.probe().baseUrl());
            unavailable.forEach((client, reason) -> Console.warn(client + " is not available: " + reason));
            List<String> clients = new ArrayList<>(OURS.stream().filter(c -> !unavailable.containsKey(c)).toList());
            clients.addAll(BenchClients.PEERS);
            List<String> interleaved = interleave(clients);
            results = new SuiteResults(clients, unavailable,
                    parts.contains("caller") ? new CallerCostSuite(settings, sink.port()).run(clients) : List.of(),
                    parts.contains("delivery") ? new DeliverySuite(settings, sink.port()).run(interleaved)
                            : List.of(),
                    parts.contains("steady") ? new SteadySuite(settings, sink.port()).run(interleaved) : List.of(),
                    parts.contains("overload") ? new ScenarioRuns(settings).overload(clients, slowSink.port())
                            : List.of(),
                    parts.contains("close") ? new ScenarioRuns(settings).close(clients, sink.port()) : List.of(),
                    parts.contains("spring") ? new SpringSuite(settings, sink.port()).run()
                            : SpringResults.notAvailable("not run (--only)"),
                    new EndToEndSuite(settings, databases, webStores(parts)).run(),
                    parts.contains("gate") ? new GateSuite(settings, databases).run() : GateResults.notRun(),
                    parts.contains("outbox") ? new OutboxSuite(settings, databases, sink.port()).run()
                            : OutboxResults.notRun());
        }
        ReportRows report = new ReportRows(results).build();
        ReportWriter writer = new ReportWriter(report.rows(), report.details(),
                context(settings, loadBefore, loadAverage()));
        System.out.println();
        System.out.println(writer.table());
        System.out.println(settings.describe());
        System.out.printf("Load average before/after: %.1f / %.1f on %d cores%s%n", loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors(), loadBefore > Runtime.getRuntime().availableProcessors()
                        ? " (busy machine: wall-clock numbers are disturbed)" : "");
        boolean everyPart = parts.containsAll(ALL_PARTS) && !settings.smoke();
        Path resultsDir = everyPart ? settings.resultsDir()
                : moduleDir.resolve(settings.smoke() ? "target/bench-smoke" : "target/bench-partial");
        writer.write(resultsDir, RawResults.of(results));
        Console.step("wrote " + resultsDir.resolve("latest.json") + " and latest.md");
        if (everyPart) {
            int cores = Runtime.getRuntime().availableProcessors();
            String heading = ReadmeTable.heading(settings, Instant.now().toString().substring(0, 10), cores,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    loadBefore, loadAverage());
            Path readme = moduleDir.resolveSibling("README.md");
            if (ReadmeTable.update(readme, heading + "\n\n" + writer.markdown())) {
                Console.step("updated the table in " + readme);
            }
        }
        System.exit(0);
    }

    /** Ours and peers alternating: ours-outlit, segment, ours-lotus, posthog. */
    private static List<String> interleave(List<String> clients) {
        List<String> ours = clients.stream().filter(c -> c.startsWith("ours")).toList();
        List<String> peers = clients.stream().filter(c -> !c.startsWith("ours")).toList();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < Math.max(ours.size(), peers.size()); i++) {
            if (i < ours.size()) {
                order.add(ours.get(i));
            }
            if (i < peers.size()) {
                order.add(peers.get(i));
            }
        }
        return order;
    }

    /** The stores of the end-to-end rows: every one for {@code web}, else those named {@code web-ID}. */
    private static List<WebStore> webStores(Set<String> parts) {
        return Arrays.stream(WebStore.values())
                .filter(store -> parts.contains("web") || parts.contains("web-" + store.id())).toList();
    }

    private static Set<String> parts(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                return Set.of(arg.substring("--only=".length()).split(","));
            }
        }
        return ALL_PARTS;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<String, Object> context(Settings settings, double loadBefore, double loadAfter) {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("suite", settings.quick() ? "quick" : "full");
        context.put("generatedAt", Instant.now().toString());
        context.put("description", settings.describe());
        context.put("machine", Map.of("cores", cores, "java", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"), "os", System.getProperty("os.name") + " "
                + System.getProperty("os.arch")));
        context.put("loadAverage", Map.of("before", loadBefore, "after", loadAfter));
        context.put("peers", Map.of("segment", "com.segment.analytics.java:analytics:3.5.1 (defaults)",
                "posthog", "com.posthog.java:posthog:1.2.0 (defaults)"));
        if (Math.max(loadBefore, loadAfter) > cores) {
            context.put("warning", "the machine was busy with other work (load average above the core count): "
                    + "wall-clock numbers are disturbed; CPU time and allocation less so");
        }
        return context;
    }
}
