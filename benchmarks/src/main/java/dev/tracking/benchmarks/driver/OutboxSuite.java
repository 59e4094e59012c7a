package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.runs.OutboxRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Runs {@link OutboxRun} in a fresh JVM against a new PostgreSQL database and the sink. */
final class OutboxSuite {

    private static final List<String> RUN_JVM = List.of("-Xms1g", "-Xmx1g");

    private final Settings settings;
    private final BenchDatabases databases;
    private final int sinkPort;

    OutboxSuite(Settings settings, BenchDatabases databases, int sinkPort) {
        this.settings = settings;
        this.databases = databases;
        this.sinkPort = sinkPort;
    }

    OutboxResults run() {
        Settings.Outbox outbox = settings.outbox();
        Console.step(String.format("outbox on PostgreSQL: track() outside a transaction (%d threads, %d s), "
                + "transactions with 0, 1 and 10 events (%,d each), %,d events delivered to the sink",
                outbox.callerThreads(), outbox.callerSeconds(), outbox.transactions(), outbox.deliveryEvents()));
        try {
            String url = databases.postgres("bench_outbox");
            ChildOutput output = ChildJvm.run(ChildJvm.command(RUN_JVM, OutboxRun.class, List.of(
                    "--sink-port=" + sinkPort, "--jdbc-url=" + url, "--threads=" + outbox.callerThreads(),
                    "--caller-seconds=" + outbox.callerSeconds(), "--transactions=" + outbox.transactions(),
                    "--delivery-events=" + outbox.deliveryEvents())),
                    Duration.ofSeconds(240 + 2L * outbox.callerSeconds() + outbox.deliveryEvents() / 2_000),
                    settings.logDir().resolve("outbox.log"));
            OutboxResults result = output.result().map(line -> new OutboxResults(line, note(line)))
                    .orElseGet(() -> new OutboxResults(null, output.outcome()));
            if (result.value("callerP99Millis") != null) {
                Console.step(String.format("  track() p50 %.2f ms, p99 %.2f ms; commit +%.2f ms (1 event), "
                        + "+%.2f ms (10 events); %,.0f events/s delivered", result.value("callerP50Millis"),
                        result.value("callerP99Millis"), result.value("addedCommitMillis1"),
                        result.value("addedCommitMillis10"), result.value("deliveredPerSecond")));
            } else {
                Console.warn("outbox: " + result.note());
            }
            return result;
        } catch (RuntimeException e) {
            Console.warn("outbox failed: " + e.getMessage());
            return new OutboxResults(null, "failed: " + e.getMessage());
        }
    }

    private static String note(JsonNode line) {
        if (line.hasNonNull("unavailable")) {
            return "not available: " + line.get("unavailable").asString();
        }
        List<String> notes = new ArrayList<>();
        long notDurable = line.path("notDurable").asLong();
        if (notDurable > 0) {
            notes.add(String.format("%,d events were not written in time and went to the memory queue", notDurable));
        }
        if (!line.path("deliveredComplete").asBoolean(true)) {
            notes.add(String.format("only %,d of %,d events reached the sink", line.path("delivered").asLong(),
                    line.path("deliveryEvents").asLong()));
        }
        return String.join("; ", notes);
    }
}
