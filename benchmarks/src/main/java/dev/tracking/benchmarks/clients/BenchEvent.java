package dev.tracking.benchmarks.clients;

import dev.tracking.benchmarks.sink.BenchMarker;
import java.util.Map;

/** The event every client sends: {@code report_exported} for one customer with two properties. */
public final class BenchEvent {

    /** The event name. */
    public static final String NAME = "report_exported";

    /** The identity: our customer id, Segment's user id, PostHog's distinct id. */
    public static final String CUSTOMER_ID = "customer-42";

    /** The second property's key. */
    public static final String ROWS_KEY = "rows";

    /** The second property's value. */
    public static final Integer ROWS = 42;

    private BenchEvent() {
    }

    /** The two properties, built afresh as an application would for each call. */
    public static Map<String, Object> properties() {
        return Map.of(BenchMarker.KEY, BenchMarker.VALUE, ROWS_KEY, ROWS);
    }
}
