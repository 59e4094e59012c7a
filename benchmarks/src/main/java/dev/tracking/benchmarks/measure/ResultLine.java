package dev.tracking.benchmarks.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement as a flat JSON object on one line: what a benchmark JVM hands back to the driver, on standard
 * output after {@link #PREFIX} or appended to a file.
 */
public final class ResultLine {

    /** Marks a result on a child JVM's standard output. */
    public static final String PREFIX = "RESULT ";

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Adds a field; values are strings, numbers or booleans. */
    public ResultLine put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** The fields as one JSON object. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":").append(jsonValue(value));
        });
        return json.append('}').toString();
    }

    /** Prints the line after {@link #PREFIX} on standard output. */
    public void print() {
        printAs(PREFIX);
    }

    /** Prints the line after {@code prefix} on standard output. */
    public void printAs(String prefix) {
        System.out.println(prefix + toJson());
        System.out.flush();
    }

    /** Appends the line to {@code file}. */
    public void appendTo(Path file) {
        try {
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonValue(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
