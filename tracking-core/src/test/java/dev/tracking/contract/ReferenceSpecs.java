package dev.tracking.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the vendors' API specs that this project keeps as test resources under {@code contracts/} (see the
 * {@code README.md} there for where each file came from). They travel in this module's test-jar, so every module's
 * contract tests find them on the class path, whatever folder the repository was cloned into.
 */
public final class ReferenceSpecs {

    /** The class-path folder that holds the spec files. */
    public static final String FOLDER = "contracts/";

    private ReferenceSpecs() {
    }

    /** The text of spec file {@code name}, failing clearly when it is not on the class path. */
    public static String read(String name) {
        try (InputStream in = ReferenceSpecs.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("reference spec not on the class path: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
