package dev.tracking.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the vendors' API specs in the directory named by the system property {@code tracking.reference.dir}. */
public final class ReferenceSpecs {

    /** The system property surefire and failsafe set to the reference directory. */
    public static final String PROPERTY = "tracking.reference.dir";

    private ReferenceSpecs() {
    }

    /** The path of spec file {@code name}, failing clearly when the property or the file is missing. */
    public static Path path(String name) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: run the tests with Maven");
        }
        Path file = Path.of(dir).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("reference spec not found: " + file.toAbsolutePath());
        }
        return file;
    }

    /** The text of spec file {@code name}. */
    public static String read(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
