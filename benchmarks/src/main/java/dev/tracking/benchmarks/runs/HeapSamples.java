package dev.tracking.benchmarks.runs;

/** The largest live heap seen, and the first one seen after the warm-up quarter of a run. */
final class HeapSamples {

    private final double lateAfterSeconds;
    private long max;
    private long lateStart = -1;

    HeapSamples(double lateAfterSeconds) {
        this.lateAfterSeconds = lateAfterSeconds;
    }

    void add(double atSeconds, long liveBytes) {
        max = Math.max(max, liveBytes);
        if (lateStart < 0 && atSeconds >= lateAfterSeconds) {
            lateStart = liveBytes;
        }
    }

    long max() {
        return max;
    }

    /** The first sample after the first quarter, or the largest one if none came that late. */
    long lateStart() {
        return lateStart < 0 ? max : lateStart;
    }
}
