package dev.tracking.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** tracking-core is plain Java: no source file may import Spring. */
class NoSpringInCoreTest {

    @Test
    void noCoreSourceImportsSpring() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(NoSpringInCoreTest::mentionsSpring)
                    .toList();
        }
        assertThat(offenders).as("sources importing org.springframework").isEmpty();
    }

    @Test
    void theCheckRecognisesASpringImport() {
        assertThat(importsSpring("package x;\nimport org.springframework.context.ApplicationContext;\n")).isTrue();
        assertThat(importsSpring("package x;\nimport static org.springframework.util.Assert.notNull;\n")).isTrue();
        assertThat(importsSpring("package x;\nimport java.util.List;\n// see org.springframework docs\n")).isFalse();
    }

    private static boolean mentionsSpring(Path file) {
        try {
            return importsSpring(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean importsSpring(String source) {
        return source.lines().map(String::strip)
                .anyMatch(line -> line.matches("import\\s+(static\\s+)?org\\.springframework\\..*"));
    }
}
