package dev.tracking.benchmarks.driver;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small statistics over result lines. */
final class Stats {

    private Stats() {
    }

    /** The median of {@code field} over {@code lines}, or NaN when there are none. */
    static double median(List<JsonNode> lines, String field) {
        double[] values = lines.stream().mapToDouble(line -> line.get(field).asDouble()).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
