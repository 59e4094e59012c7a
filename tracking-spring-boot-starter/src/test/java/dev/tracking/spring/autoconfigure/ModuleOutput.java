package dev.tracking.spring.autoconfigure;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Files this module's build wrote next to its classes, e.g. the generated configuration metadata. */
final class ModuleOutput {

    private ModuleOutput() {
    }

    static Path file(String relativePath) {
        try {
            Path classes = Path.of(TrackingProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolve(relativePath);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
