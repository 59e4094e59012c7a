package dev.tracking.benchmarks.driver;

import dev.tracking.benchmarks.measure.ResultLine;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a child JVM left behind: its exit code, whether it had to be killed, and its output lines.
 *
 * @param exitCode the exit code, or -1 when it was killed
 * @param timedOut whether it ran past its time limit
 * @param lines everything it printed
 */
record ChildOutput(int exitCode, boolean timedOut, List<String> lines) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The {@link ResultLine} it printed, if it got that far. */
    Optional<JsonNode> result() {
        return linesAfter(ResultLine.PREFIX).stream().reduce((first, second) -> second);
    }

    /** Every JSON line it printed after {@code prefix}. */
    List<JsonNode> linesAfter(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix))
                .map(line -> JSON.readTree(line.substring(prefix.length()))).toList();
    }

    /** A short account of how it ended, for results that have no numbers. */
    String outcome() {
        if (timedOut) {
            return "killed after its time limit";
        }
        String lastLines = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return "exit code " + exitCode + (lastLines.isEmpty() ? "" : ": " + lastLines);
    }
}
