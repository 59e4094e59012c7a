package dev.tracking.benchmarks.runs;

import dev.tracking.DestinationStats;
import dev.tracking.benchmarks.clients.BenchClient;
import dev.tracking.benchmarks.measure.ResultLine;
import java.util.List;

/** Our tracker's own counters summed over destinations, for the clients that keep any. */
final class RunStats {

    private RunStats() {
    }

    /** Adds accepted, delivered, failed, dropped and pending to {@code result} when the client counts them. */
    static void addTo(ResultLine result, BenchClient client) {
        addTo(result, client.stats());
    }

    /** Adds accepted, delivered, failed, dropped and pending summed over {@code stats}, unless it is empty. */
    static void addTo(ResultLine result, List<DestinationStats> stats) {
        if (stats.isEmpty()) {
            return;
        }
        result.put("accepted", stats.stream().mapToLong(DestinationStats::accepted).sum())
                .put("statsDelivered", stats.stream().mapToLong(DestinationStats::delivered).sum())
                .put("failed", stats.stream().mapToLong(DestinationStats::failed).sum())
                .put("dropped", stats.stream().mapToLong(DestinationStats::dropped).sum())
                .put("pending", stats.stream().mapToLong(DestinationStats::pending).sum());
    }
}
