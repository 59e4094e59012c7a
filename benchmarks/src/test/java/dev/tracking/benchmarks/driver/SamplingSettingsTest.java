package dev.tracking.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingSettingsTest {

    @Test
    void samplesJavaMethodsEveryMillisecondAndChangesNothingElse(@TempDir Path dir) throws IOException {
        String original = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));

        String written = Files.readString(SamplingSettings.write(dir));

        int sample = written.indexOf("<event name=\"jdk.ExecutionSample\">");
        String block = written.substring(sample, written.indexOf("</event>", sample));
        assertThat(block).containsPattern("<setting name=\"period\"[^>]*>1 ms</setting>");
        List<String> before = original.lines().toList();
        List<String> after = written.lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i)))
                .boxed().toList();
        assertThat(changed).hasSize(1);
        assertThat(after.get(changed.get(0))).contains(">1 ms</setting>");
    }
}
