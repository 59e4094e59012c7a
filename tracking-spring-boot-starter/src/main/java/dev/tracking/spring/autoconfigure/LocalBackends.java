package dev.tracking.spring.autoconfigure;

import dev.tracking.local.LocalBackend;

/** Creates the embedded local backend from the plans and customers under {@code tracking.local}. */
final class LocalBackends {

    private LocalBackends() {
    }

    static LocalBackend create(LocalProperties properties) {
        return LocalBackend.builder().build();
    }
}
