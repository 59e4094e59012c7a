package dev.tracking.benchmarks.runs;

import java.util.HashMap;
import java.util.Map;

/** Command-line arguments of the form {@code --name=value}. */
final class RunArgs {

    private final Map<String, String> values = new HashMap<>();

    RunArgs(String[] args) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    int integer(String name) {
        return Integer.parseInt(text(name));
    }
}
