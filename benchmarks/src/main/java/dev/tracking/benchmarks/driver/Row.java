package dev.tracking.benchmarks.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the results: our value, each peer's, the better peer's, our ratio to it, the target and whether
 * it is met. Rows without a target ({@code target} and {@code met} null) are details.
 *
 * @param name what is measured
 * @param unit the unit of every value in the row
 * @param ours our value, or {@code null} when not available
 * @param peers each peer's value by name (may be empty)
 * @param peer the better peer's value, or {@code null}
 * @param ratio {@code ours / peer}, or {@code null}
 * @param target the target as text, or {@code null} for a detail
 * @param met whether the target is met, or {@code null} for a detail
 * @param note what qualifies the numbers, or {@code ""}
 */
record Row(String name, String unit, Double ours, Map<String, Double> peers, Double peer, Double ratio,
        String target, Boolean met, String note) {

    /** Which peer value is the better one. */
    enum Better { LOWER, HIGHER }

    /** A row comparing {@code ours} with {@code peers}, judged by {@code target} ({@code null}: a detail). */
    static Row of(String name, String unit, Double ours, Map<String, Double> peers, Better better, Target target,
            String note) {
        Map<String, Double> finite = new LinkedHashMap<>();
        peers.forEach((peerName, value) -> finite.put(peerName, value == null || value.isNaN() ? null : value));
        Double bestPeer = finite.values().stream().filter(value -> value != null)
                .reduce((a, b) -> better == Better.LOWER ? Math.min(a, b) : Math.max(a, b)).orElse(null);
        Double mine = ours == null || ours.isNaN() ? null : ours;
        Double ratio = mine == null || bestPeer == null || bestPeer == 0 ? null : mine / bestPeer;
        return new Row(name, unit, mine, finite, bestPeer, ratio, target == null ? null : target.text(),
                target == null ? null : target.isMet(mine, ratio), note == null ? "" : note);
    }

    boolean isDetail() {
        return target == null;
    }
}
