package dev.tracking.benchmarks.driver;

/**
 * A target a row must meet, either on our value or on its ratio to the better peer.
 *
 * @param text how the target reads in the table, e.g. {@code ≤ 0.1× better peer}
 * @param onRatio whether the bound applies to the ratio rather than to our value
 * @param atMost whether the value must be at most (else at least) the bound
 * @param bound the bound
 */
record Target(String text, boolean onRatio, boolean atMost, double bound) {

    static Target ratioAtMost(double bound, String peer) {
        return new Target("≤ " + format(bound) + "× " + peer, true, true, bound);
    }

    static Target ratioAtLeast(double bound, String peer) {
        return new Target("≥ " + format(bound) + "× " + peer, true, false, bound);
    }

    static Target atMost(double bound, String unit) {
        return new Target((bound == 0 ? "= " : "≤ ") + format(bound) + unit, false, true, bound);
    }

    static Target atLeast(double bound, String unit) {
        return new Target("≥ " + format(bound) + unit, false, false, bound);
    }

    /** Whether {@code ours} (and {@code ratio}, for a ratio target) meet it; a missing value never does. */
    boolean isMet(Double ours, Double ratio) {
        Double value = onRatio ? ratio : ours;
        if (ours == null || value == null || value.isNaN()) {
            return false;
        }
        return atMost ? value <= bound : value >= bound;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format("%,.0f", value) : String.valueOf(value);
    }
}
