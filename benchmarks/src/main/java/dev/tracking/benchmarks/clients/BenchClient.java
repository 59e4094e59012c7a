package dev.tracking.benchmarks.clients;

import dev.tracking.DestinationStats;
import java.util.List;

/**
 * One analytics client under test, sending the benchmark event: the same name, the same identity and the same
 * two properties (one of them the marker the sink counts) whatever the client.
 */
public interface BenchClient extends AutoCloseable {

    /** The client's short name as it appears in the results, e.g. {@code segment}. */
    String name();

    /** Records one benchmark event the way an application would, building the event on this thread. */
    void send();

    /** Asks the client to start sending what it holds now, if it can; may return before delivery. */
    void flush();

    /** The client's own shutdown, as an application would call it when it stops. */
    @Override
    void close();

    /** The client's own delivery counters, or an empty list when it keeps none. */
    default List<DestinationStats> stats() {
        return List.of();
    }

    /** Events the client itself counted as dropped or failed (only our tracker counts them). */
    default long droppedOrFailed() {
        return stats().stream().mapToLong(s -> s.dropped() + s.failed()).sum();
    }
}
