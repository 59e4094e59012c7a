package dev.tracking.benchmarks.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JFR settings file for profiling short benchmark runs: the JDK's {@code profile} settings with Java methods
 * sampled every millisecond instead of every 10–20 ms, so that a few seconds of measurement give thousands of samples.
 */
final class SamplingSettings {

    private static final Pattern EXECUTION_SAMPLE = Pattern.compile(
            "(<event name=\"jdk\\.ExecutionSample\">.*?<setting name=\"period\"[^>]*>)[^<]*(</setting>)",
            Pattern.DOTALL);

    private SamplingSettings() {
    }

    /** Writes the settings into {@code dir} and returns the file. */
    static Path write(Path dir) {
        try {
            String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"),
                    StandardCharsets.UTF_8);
            Path file = dir.resolve("sampling-1ms.jfc");
            Files.createDirectories(dir);
            Files.writeString(file, everyMillisecond(profile), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jfc} with the Java execution sampler's period set to 1 ms. */
    static String everyMillisecond(String jfc) {
        Matcher matcher = EXECUTION_SAMPLE.matcher(jfc);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no jdk.ExecutionSample period in the JFR settings");
        }
        return matcher.replaceFirst("$11 ms$2");
    }
}
