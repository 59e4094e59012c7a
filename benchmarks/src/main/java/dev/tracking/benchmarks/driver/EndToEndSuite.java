package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.web.LoadGenerator;
import dev.tracking.benchmarks.web.WebStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * For each {@link WebStore} asked for: the web application twice (with and without the tracking annotations
 * acting), each in its own JVM (on a database store, each with a database of its own), and the
 * {@link LoadGenerator} in a third, alternating between them.
 */
final class EndToEndSuite {

    private static final List<String> GENERATOR_JVM = List.of("-Xms256m", "-Xmx512m");

    private final Settings settings;
    private final BenchDatabases databases;
    private final List<WebStore> stores;

    EndToEndSuite(Settings settings, BenchDatabases databases, List<WebStore> stores) {
        this.settings = settings;
        this.databases = databases;
        this.stores = stores;
    }

    List<EndToEnd> run() {
        List<EndToEnd> results = new ArrayList<>();
        for (WebStore store : stores) {
            results.add(run(store));
        }
        return results;
    }

    private EndToEnd run(WebStore store) {
        Settings.Web web = settings.web();
        Console.step(String.format("end to end, %s: export endpoint with and without the annotations, %d connections, "
                + "%d x %d s per app after %d s of warm-up each", store.description(), web.connections(), web.rounds(),
                web.roundSeconds(), web.warmupSeconds()));
        Path logs = settings.logDir();
        try (WebAppProcess plain = WebAppProcess.start(store, database(store, "plain"), false,
                logs.resolve("web-" + store.id() + "-plain.log"));
                WebAppProcess tracked = WebAppProcess.start(store, database(store, "tracked"), true,
                        logs.resolve("web-" + store.id() + "-tracked.log"))) {
            int plainPort = plain.port();
            int trackedPort = tracked.port();
            long limit = 2L * web.warmupSeconds() + 2L * web.rounds() * web.roundSeconds() + 120;
            ChildOutput output = ChildJvm.run(ChildJvm.command(GENERATOR_JVM, LoadGenerator.class,
                    List.of("--plain-port=" + plainPort, "--tracked-port=" + trackedPort,
                            "--connections=" + web.connections(), "--warmup-seconds=" + web.warmupSeconds(),
                            "--round-seconds=" + web.roundSeconds(), "--rounds=" + web.rounds())),
                    Duration.ofSeconds(limit), logs.resolve("web-" + store.id() + "-load.log"));
            EndToEnd result = output.result().map(line -> new EndToEnd(store.description(), line, note(line)))
                    .orElseGet(() -> new EndToEnd(store.description(), null, output.outcome()));
            if (result.measured()) {
                Console.step(String.format("  with the annotations %,.0f requests/s (p99 %.0f µs), without %,.0f "
                        + "requests/s (p99 %.0f µs)", result.value("trackedRequestsPerSecond"),
                        result.value("trackedP99Micros"), result.value("plainRequestsPerSecond"),
                        result.value("plainP99Micros")));
            } else {
                Console.warn("end to end, " + store.description() + ": " + result.note());
            }
            return result;
        } catch (RuntimeException e) {
            Console.warn("end to end, " + store.description() + " failed: " + e.getMessage());
            return new EndToEnd(store.description(), null, "failed: " + e.getMessage());
        }
    }

    /** A new database for one of the two applications on a database store, else {@code null}. */
    private String database(WebStore store, String app) {
        return store.database() ? databases.postgres("bench_web_" + app) : null;
    }

    private static String note(JsonNode line) {
        List<String> notes = new ArrayList<>();
        long errors = line.get("plainErrors").asLong() + line.get("trackedErrors").asLong();
        if (errors > 0) {
            notes.add(errors + " requests failed (" + line.get("trackedFailure").asString()
                    + line.get("plainFailure").asString() + ")");
        }
        long dropped = line.get("trackedDropped").asLong();
        notes.add(String.format("the tracker accepted %,d events and dropped or failed %,d",
                line.get("trackedAccepted").asLong(), dropped));
        return String.join("; ", notes);
    }
}
