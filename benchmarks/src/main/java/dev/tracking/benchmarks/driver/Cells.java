package dev.tracking.benchmarks.driver;

import java.util.stream.Collectors;

/** How values appear in the printed and Markdown tables. */
final class Cells {

    private Cells() {
    }

    static String value(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String number = magnitude >= 100 || value == Math.rint(value) ? String.format("%,.0f", value)
                : magnitude >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
        return number + " " + unit;
    }

    static String ours(Row row) {
        return row.ours() == null && row.note().startsWith("not available") ? "not available"
                : value(row.ours(), row.unit());
    }

    static String peers(Row row) {
        if (row.peers().isEmpty()) {
            return "—";
        }
        return row.peers().entrySet().stream().map(peer -> peer.getKey() + " " + value(peer.getValue(), ""))
                .map(String::trim).collect(Collectors.joining(", "));
    }

    static String ratio(Row row) {
        return row.ratio() == null ? "—" : String.format(row.ratio() >= 10 ? "%,.0f×" : "%.2f×", row.ratio());
    }

    static String met(Row row) {
        return row.met() == null ? "" : row.met() ? "yes" : "NO";
    }
}
