package dev.tracking.benchmarks.sink;

/**
 * A snapshot of the sink's counters as another process sees it.
 *
 * @param events benchmark events counted (one marker each)
 * @param requests ingestion requests received
 * @param bytes request body bytes received
 * @param maxEventsPerRequest the most events one request carried
 * @param lastEventNanos {@link System#nanoTime()} in the sink when the last event was counted, comparable with
 *     other processes' {@code nanoTime} on the same Linux host (a monotonic clock shared by all processes)
 */
public record SinkCount(long events, long requests, long bytes, long maxEventsPerRequest, long lastEventNanos) {

    /** Reads the space-separated form written by {@link #format()}. */
    public static SinkCount parse(String line) {
        String[] f = line.trim().split(" ");
        return new SinkCount(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]));
    }

    /** The counters space-separated, in declaration order. */
    public String format() {
        return events + " " + requests + " " + bytes + " " + maxEventsPerRequest + " " + lastEventNanos;
    }
}
