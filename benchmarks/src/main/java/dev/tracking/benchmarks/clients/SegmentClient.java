package dev.tracking.benchmarks.clients;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;
import java.net.URI;

/** Segment analytics-java with its default settings, uploading to the sink's {@code /v1/import/}. */
final class SegmentClient implements BenchClient {

    private final Analytics analytics;

    SegmentClient(URI sink) {
        analytics = Analytics.builder("bench-write-key").endpoint(sink.toString()).build();
    }

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public void send() {
        analytics.enqueue(TrackMessage.builder(BenchEvent.NAME).userId(BenchEvent.CUSTOMER_ID)
                .properties(BenchEvent.properties()));
    }

    @Override
    public void flush() {
        analytics.flush();
    }

    @Override
    public void close() {
        analytics.shutdown();
    }
}
