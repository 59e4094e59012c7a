package dev.tracking.benchmarks.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints the results table and writes {@code latest.json} and {@code latest.md}. */
final class ReportWriter {

    private static final String[] TARGETS_HEADER = {"metric", "ours", "peers", "ours / better peer", "target",
        "met"};
    private static final String[] DETAILS_HEADER = {"also measured", "ours", "peers", "ours / better peer", "", ""};
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<Row> rows;
    private final List<Row> details;
    private final Map<String, Object> context;

    /** A writer for {@code rows} and {@code details}; {@code context} says how and where they were measured. */
    ReportWriter(List<Row> rows, List<Row> details, Map<String, Object> context) {
        this.rows = rows;
        this.details = details;
        this.context = context;
    }

    /** The targets table followed by the details table, as plain text. */
    String table() {
        StringBuilder text = new StringBuilder();
        appendTable(text, rows, TARGETS_HEADER, false);
        text.append('\n');
        appendTable(text, details, DETAILS_HEADER, false);
        return text.toString();
    }

    /** The same tables in Markdown, with the notes under them. */
    String markdown() {
        StringBuilder text = new StringBuilder();
        appendTable(text, rows, TARGETS_HEADER, true);
        text.append('\n');
        appendTable(text, details, DETAILS_HEADER, true);
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            if (!row.note().isEmpty()) {
                notes.add("- " + row.name() + ": " + row.note());
            }
        }
        if (!notes.isEmpty()) {
            text.append("\nNotes:\n").append(String.join("\n", notes)).append('\n');
        }
        return text.toString();
    }

    /** Writes {@code latest.json} (context, rows, details, raw results) and {@code latest.md} to {@code dir}. */
    void write(Path dir, Map<String, Object> raw) {
        Map<String, Object> document = new LinkedHashMap<>(context);
        document.put("rows", rows);
        document.put("details", details);
        document.put("raw", raw);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.json"), JSON.writeValueAsString(document) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("latest.md"), markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendTable(StringBuilder text, List<Row> rows, String[] header, boolean markdown) {
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row row : rows) {
            cells.add(new String[] {row.name(), Cells.ours(row), Cells.peers(row), Cells.ratio(row),
                row.target() == null ? "" : row.target(), Cells.met(row)});
        }
        int[] widths = {3, 3, 3, 3, 3, 3};
        for (String[] line : cells) {
            for (int i = 0; i < 6; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (int l = 0; l < cells.size(); l++) {
            appendLine(text, cells.get(l), markdown ? new int[6] : widths);
            if (l == 0) {
                appendLine(text, new String[] {"---", "---:", "---", "---:", "---", "---"},
                        markdown ? new int[6] : widths);
            }
        }
    }

    private static void appendLine(StringBuilder text, String[] cells, int[] widths) {
        text.append('|');
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].startsWith("---") && widths[i] > 0 ? "-".repeat(widths[i]) : cells[i];
            text.append(' ').append(String.format("%-" + Math.max(1, widths[i]) + "s", cell)).append(" |");
        }
        text.append('\n');
    }
}
