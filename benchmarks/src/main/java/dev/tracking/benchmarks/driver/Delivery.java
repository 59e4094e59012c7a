package dev.tracking.benchmarks.driver;

import java.util.List;

/**
 * Delivery throughput of one client: medians over its runs.
 *
 * @param client the client
 * @param eventsPerSecond events per second from the first call to the last event counted at the sink
 * @param cpuSecondsPerMillion process CPU seconds per million events
 * @param wholeJvmBytesPerEvent bytes allocated by the whole JVM per event
 * @param maxEventsPerRequest the most events one request carried, over all runs
 * @param runs the runs that produced numbers
 * @param note what went wrong in runs without numbers, or {@code ""}
 */
record Delivery(String client, double eventsPerSecond, double cpuSecondsPerMillion, double wholeJvmBytesPerEvent,
        long maxEventsPerRequest, int runs, String note) {

    /** Medians of {@code runs} (each a {@code DeliveryRun} result). */
    static Delivery of(String client, List<tools.jackson.databind.JsonNode> runs, List<String> problems) {
        return new Delivery(client, Stats.median(runs, "eventsPerSecond"), Stats.median(runs, "cpuSecondsPerMillion"),
                Stats.median(runs, "wholeJvmBytesPerEvent"),
                runs.stream().mapToLong(r -> r.get("maxEventsPerRequest").asLong()).max().orElse(0), runs.size(),
                String.join("; ", problems));
    }
}
