package dev.tracking.benchmarks.clients;

import dev.tracking.DestinationStats;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.benchmarks.sink.BenchMarker;
import java.util.List;

/** Our tracker, with one destination (Outlit or Lotus) pointed at the sink. */
final class TrackerClient implements BenchClient {

    private final String name;
    private final Tracker tracker;

    TrackerClient(String name, Tracker tracker) {
        this.name = name;
        this.tracker = tracker;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send() {
        tracker.track(TrackMessage.builder(BenchEvent.NAME).customerId(BenchEvent.CUSTOMER_ID)
                .property(BenchMarker.KEY, BenchMarker.VALUE).property(BenchEvent.ROWS_KEY, BenchEvent.ROWS).build());
    }

    @Override
    public void flush() {
        tracker.flush();
    }

    @Override
    public void close() {
        tracker.close();
    }

    @Override
    public List<DestinationStats> stats() {
        return tracker.stats();
    }
}
