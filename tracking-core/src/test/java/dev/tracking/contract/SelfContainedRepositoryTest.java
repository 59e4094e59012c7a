package dev.tracking.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the promise that a clone builds on its own: no build file, script or source of the project reaches for a
 * folder beside the repository, and the contract files the tests need are on the class path.
 */
class SelfContainedRepositoryTest {

    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|multiModuleProjectDirectory}/\\.\\.|rootDirectory}/\\.\\.|basedir}/\\.\\./\\.\\.");

    @Test
    void noBuildFileScriptOrSourceReachesOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(SelfContainedRepositoryTest::isBuildScriptOrSource)
                    .filter(file -> !isBuildOutput(root.relativize(file)))
                    .forEach(file -> {
                        if (OUTSIDE.matcher(read(file)).find()) {
                            offenders.add(root.relativize(file).toString());
                        }
                    });
        }
        assertThat(offenders).as("files that read outside the repository").isEmpty();
    }

    @Test
    void everyVendorContractIsOnTheClassPath() {
        for (String name : List.of("lotus-openapi.yaml", "lotus-openapi-latest.yaml", "outlit-openapi-3.0.json",
                "outlit-openapi.json", "outlit-node-3.0.0-request.json")) {
            assertThat(ReferenceSpecs.read(name)).as(name).isNotBlank();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder with mvnw above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static boolean isBuildScriptOrSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".xml") || name.endsWith(".java") || name.endsWith(".sh") || name.endsWith(".properties")
                || name.endsWith(".yml") || name.endsWith(".yaml") && !name.startsWith("lotus-openapi")
                || name.equals("run") || name.equals("mvnw") || name.equals("mvnw.cmd");
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
