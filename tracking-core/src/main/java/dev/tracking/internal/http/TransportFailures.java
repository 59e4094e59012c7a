package dev.tracking.internal.http;

import dev.tracking.Failure;
import dev.tracking.http.HttpStatusClass;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Turns what went wrong with a request into a {@link Failure} with a low-cardinality reason code.
 *
 * <p>Reasons: {@code timeout}, {@code connection}, {@code io}, {@code error} for exceptions, and
 * {@code http_<status>} for error responses (401 and 403 mark the credentials as rejected).
 */
public final class TransportFailures {

    private static final int MAX_DETAIL = 300;

    private TransportFailures() {
    }

    /** The failure for a request that threw {@code error} (no response). */
    public static Failure fromException(Throwable error) {
        String detail = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        if (error instanceof HttpTimeoutException) {
            return Failure.of("timeout", detail);
        }
        if (error instanceof ConnectException || error instanceof UnresolvedAddressException
                || error instanceof UnknownHostException
                || error.getCause() instanceof ConnectException) {
            return Failure.of("connection", detail);
        }
        if (error instanceof IOException) {
            return Failure.of("io", detail);
        }
        return Failure.of("error", detail);
    }

    /** The failure for an error response with {@code status} and the server's message (may be {@code null}). */
    public static Failure fromStatus(int status, String serverMessage) {
        String detail = "HTTP " + status + (serverMessage == null || serverMessage.isBlank() ? "" : ": "
                + truncate(serverMessage));
        return new Failure("http_" + status, detail, HttpStatusClass.isCredentialsRejected(status));
    }

    /** {@code text} cut to a length fit for logs and stats. */
    public static String truncate(String text) {
        if (text == null || text.length() <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, MAX_DETAIL) + "…";
    }
}
