package dev.tracking.benchmarks.sink;

/** The property every benchmark event carries exactly once, which the sink counts. */
public final class BenchMarker {

    /** The property's key; its first character occurs nowhere else in it. */
    public static final String KEY = "bench_marker";

    /** The property's value. */
    public static final String VALUE = "on";

    private BenchMarker() {
    }
}
