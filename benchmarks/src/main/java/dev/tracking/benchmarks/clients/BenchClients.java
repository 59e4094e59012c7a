package dev.tracking.benchmarks.clients;

import dev.tracking.DeliveryOptions;
import dev.tracking.Tracker;
import dev.tracking.lotus.LotusOptions;
import dev.tracking.outlit.OutlitOptions;
import java.net.URI;
import java.util.List;

/**
 * Creates the clients under test by name: {@code ours-outlit}, {@code ours-lotus}, {@code segment}, {@code posthog},
 * and the caller-cost {@code floor}.
 */
public final class BenchClients {

    /** Our tracker sending to Outlit. */
    public static final String OURS_OUTLIT = "ours-outlit";
    /** Our tracker sending to Lotus. */
    public static final String OURS_LOTUS = "ours-lotus";
    /** Segment analytics-java. */
    public static final String SEGMENT = "segment";
    /** posthog-java. */
    public static final String POSTHOG = "posthog";

    /** The caller-cost floor: the unavoidable steps of recording an event, and nothing else. */
    public static final String FLOOR = FloorClient.NAME;

    /** The peers, in the order they appear in the results. */
    public static final List<String> PEERS = List.of(SEGMENT, POSTHOG);

    private BenchClients() {
    }

    /**
     * A client named {@code name} sending to the sink at {@code sink}; our tracker uses {@code delivery}.
     *
     * @throws UnsupportedOperationException when our tracker cannot be built yet in this build
     */
    public static BenchClient create(String name, URI sink, DeliveryOptions delivery) {
        return switch (name) {
            case OURS_OUTLIT -> new TrackerClient(name, Tracker.builder()
                    .outlit(OutlitOptions.of("pk_bench").withApiHost(sink)).delivery(delivery).build());
            case OURS_LOTUS -> new TrackerClient(name, Tracker.builder()
                    .lotus(LotusOptions.of("bench.key", sink)).delivery(delivery).build());
            case SEGMENT -> new SegmentClient(sink);
            case POSTHOG -> new PostHogClient(sink);
            case FLOOR -> new FloorClient(delivery.queueCapacity());
            default -> throw new IllegalArgumentException("unknown client " + name);
        };
    }

    /** Our delivery defaults with a queue large enough to hold {@code events} without dropping. */
    public static DeliveryOptions holding(int events) {
        DeliveryOptions defaults = DeliveryOptions.defaults();
        return defaults.toBuilder().queueCapacity(Math.max(defaults.queueCapacity(), events)).build();
    }
}
