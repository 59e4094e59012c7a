package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.runs.DeliveryRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@link DeliveryRun} for every client in fresh JVMs, round after round so that clients alternate
 * (ours, a peer, ours, a peer, …), and reports the medians.
 */
final class DeliverySuite {

    /** The JVM options of every delivery, overload and close run: the same heap for every client. */
    static final List<String> CLIENT_JVM = List.of("-Xms1g", "-Xmx4g");

    private final Settings settings;
    private final int sinkPort;

    DeliverySuite(Settings settings, int sinkPort) {
        this.settings = settings;
        this.sinkPort = sinkPort;
    }

    List<Delivery> run(List<String> clients) {
        Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (int round = 1; round <= settings.deliveryRuns(); round++) {
            for (String client : clients) {
                Console.step("delivery run " + round + "/" + settings.deliveryRuns() + ": " + client + ", "
                        + String.format("%,d", settings.deliveryEvents()) + " events");
                ChildOutput output = ChildJvm.run(ChildJvm.command(CLIENT_JVM, DeliveryRun.class,
                        List.of("--client=" + client, "--sink-port=" + sinkPort,
                                "--events=" + settings.deliveryEvents())),
                        Duration.ofMinutes(6), settings.logDir().resolve("delivery-" + client + "-" + round + ".log"));
                JsonNode result = output.result().orElse(null);
                if (result != null && result.get("complete").asBoolean()) {
                    runs.computeIfAbsent(client, c -> new ArrayList<>()).add(result);
                    Console.step(String.format("  %,.0f events/s, %.2f CPU-s per million, largest request %d events",
                            result.get("eventsPerSecond").asDouble(), result.get("cpuSecondsPerMillion").asDouble(),
                            result.get("maxEventsPerRequest").asLong()));
                } else {
                    String problem = result == null ? output.outcome() : "incomplete: " + result;
                    problems.computeIfAbsent(client, c -> new ArrayList<>()).add(problem);
                    Console.warn(client + " delivery run " + round + ": " + problem);
                }
            }
        }
        return clients.stream().map(client -> Delivery.of(client, runs.getOrDefault(client, List.of()),
                problems.getOrDefault(client, List.of()))).toList();
    }
}
