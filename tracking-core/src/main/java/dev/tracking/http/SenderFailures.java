package dev.tracking.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Turns what the Apache client threw into an exception whose type says what happened (timeout, connection, TLS)
 * and whose message names the scheme, host and port only: never the path, query or header values, which may hold
 * keys. The client's exception is not attached as the cause, since its message is not under our control.
 */
final class SenderFailures {

    private SenderFailures() {
    }

    static IOException describe(String name, HttpRequest request, IOException failure, boolean timedOut,
            boolean closed) {
        String origin = HttpRequest.origin(request.uri());
        if (failure instanceof CappedBodies.ResponseTooLargeException) {
            return new IOException(name + ": " + failure.getMessage() + " from " + origin);
        }
        if (closed) {
            return new IOException(name + ": the HTTP sender was closed during a request to " + origin);
        }
        if (timedOut || failure instanceof ConnectionRequestTimeoutException) {
            return new HttpTimeoutException(name + ": the request to " + origin + " took longer than its timeout of "
                    + request.timeout().toMillis() + " ms (connecting, sending or waiting for the answer)");
        }
        if (failure instanceof ConnectTimeoutException) {
            return new HttpConnectTimeoutException(name + ": connecting to " + origin + " timed out");
        }
        if (failure instanceof SocketTimeoutException) {
            return new HttpTimeoutException(name + ": no answer from " + origin + " within "
                    + request.timeout().toMillis() + " ms");
        }
        String detail = failure.getClass().getSimpleName() + cleaned(failure.getMessage(), request);
        if (failure instanceof UnknownHostException) {
            return new UnknownHostException(name + ": unknown host " + request.uri().getHost());
        }
        if (failure instanceof ConnectException) {
            return new ConnectException(name + ": could not connect to " + origin + " (" + detail + ")");
        }
        if (failure instanceof SSLException) {
            return new SSLException(name + ": TLS with " + origin + " failed (" + detail + ")");
        }
        return new IOException(name + ": the request to " + origin + " failed (" + detail + ")");
    }

    /** {@code message} without the request's path, query and header values. */
    static String cleaned(String message, HttpRequest request) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message;
        String path = request.uri().getRawPath();
        String query = request.uri().getRawQuery();
        text = text.replace(request.uri().toString(), HttpRequest.origin(request.uri()));
        if (query != null && !query.isEmpty()) {
            text = text.replace(query, "…");
        }
        if (path != null && path.length() > 1) {
            text = text.replace(path, "/…");
        }
        for (String value : request.headers().values()) {
            if (value.length() >= 4) {
                text = text.replace(value, "****");
            }
        }
        return ": " + text;
    }
}
