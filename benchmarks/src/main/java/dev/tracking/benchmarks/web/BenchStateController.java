package dev.tracking.benchmarks.web;

import dev.tracking.DestinationStats;
import dev.tracking.Tracker;
import dev.tracking.benchmarks.measure.ProcessMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the load generator asks between runs: it waits until the tracker has delivered what it holds (so that a
 * run's delivery work is counted in that run), then answers the process CPU time and the tracker's counters.
 */
@RestController
public class BenchStateController {

    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(30);

    private final Tracker tracker;

    public BenchStateController(Tracker tracker) {
        this.tracker = tracker;
    }

    @PostMapping("/bench/settle")
    public Map<String, Object> settle() {
        boolean flushed = tracker.flush(FLUSH_LIMIT);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("flushed", flushed);
        state.put("cpuNanos", ProcessMetrics.processCpuNanos());
        state.put("accepted", tracker.stats().stream().mapToLong(DestinationStats::accepted).sum());
        state.put("dropped", tracker.stats().stream().mapToLong(s -> s.dropped() + s.failed()).sum());
        return state;
    }
}
