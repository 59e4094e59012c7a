package dev.tracking.internal.http;

import java.io.IOException;

/** A kept-alive connection failed before any byte of the response arrived: the request may go again on a new one. */
final class StaleConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    StaleConnectionException(Origin origin, IOException cause) {
        super("the kept-alive connection to " + origin + " was closed", cause);
    }
}
