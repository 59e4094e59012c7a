package dev.tracking.benchmarks.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a run's table into the README's Performance section, between {@value #START} and {@value #END}, so that
 * the README and {@code results/latest.*} always come from the same run.
 */
final class ReadmeTable {

    static final String START = "<!-- performance-table:start -->";
    static final String END = "<!-- performance-table:end -->";

    private ReadmeTable() {
    }

    /** {@code readme}'s text with everything between the markers replaced by {@code table}. */
    static String replace(String readme, String table) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the README has no " + START + " … " + END + " block");
        }
        return readme.substring(0, start + START.length()) + "\n" + table.strip() + "\n" + readme.substring(end);
    }

    /** Rewrites the table in the README at {@code readme}; returns whether it could. */
    static boolean update(Path readme, String table) {
        try {
            if (!Files.exists(readme)) {
                return false;
            }
            Files.writeString(readme, replace(Files.readString(readme, StandardCharsets.UTF_8), table),
                    StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            Console.warn(e.getMessage());
            return false;
        }
    }

    /** The line above the table: when, where and how quiet the machine was, and what was run. */
    static String heading(Settings settings, String date, int cores, String java, double loadBefore,
            double loadAfter) {
        boolean quiet = Math.max(loadBefore, loadAfter) <= cores;
        return String.format("Latest results — %s suite, %s, %d cores, %s; load average %.1f before and %.1f after "
                + "(%s). Ratios are ours divided by the better peer, the floor, or the app without annotations, as "
                + "the target column says. %s", settings.quick() ? "quick" : "full", date, cores, java, loadBefore,
                loadAfter, quiet ? "a quiet machine" : "a busy machine: wall-clock numbers are disturbed",
                settings.describe().replace("QUICK suite (smaller than the full one): ", "Quick suite: "));
    }
}
