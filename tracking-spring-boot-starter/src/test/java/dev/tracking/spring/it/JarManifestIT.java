package dev.tracking.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged starter jar carries its automatic module name and its configuration metadata. */
class JarManifestIT {

    @Test
    void theJarNamesItsModuleAndShipsTheMetadata() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("tracking-spring-boot-starter-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("dev.tracking.spring");
            assertThat(file.getEntry("META-INF/spring-configuration-metadata.json")).isNotNull();
        }
    }
}
