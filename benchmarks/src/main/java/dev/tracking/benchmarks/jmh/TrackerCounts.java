package dev.tracking.benchmarks.jmh;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.benchmarks.measure.ResultLine;
import java.nio.file.Path;
import org.openjdk.jmh.infra.BenchmarkParams;

/** Appends a tracker's accepted and dropped counts after a benchmark to {@code -Dbench.report}, when it is set. */
final class TrackerCounts {

    private TrackerCounts() {
    }

    static void report(BenchmarkParams params, Tracker tracker) {
        String report = System.getProperty("bench.report");
        if (report != null) {
            new ResultLine().put("benchmark", params.getBenchmark())
                    .put("accepted", tracker.stats().stream().mapToLong(DestinationStats::accepted).sum())
                    .put("dropped", tracker.stats().stream().mapToLong(DestinationStats::dropped).sum())
                    .appendTo(Path.of(report));
        }
    }
}
