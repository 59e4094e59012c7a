package dev.tracking.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;

/**
 * One open HTTP/1.1 connection: writes a request (head and body in one buffered write up to 256 KiB, a write that
 * outlives the deadline aborted by the {@link WriteWatchdog}) and reads its response.
 * Used by one thread at a time; the pool hands it from one request to the next while it stays fit for reuse.
 */
final class HttpConnection {

    private static final int MAX_BUFFERED_REQUEST = 256 * 1024;

    private final Origin origin;
    private final Socket socket;
    private final Socket tcp;
    private final OutputStream out;
    private final HttpInput in;
    private final ResponseReader reader;
    private final byte[] hostField;
    private final ByteBuilder request = new ByteBuilder(2048);
    private int exchanges;
    private long idleSinceNanos;

    /**
     * @param origin where the connection goes
     * @param socket the socket requests go through (TLS or plain)
     * @param tcp the TCP socket beneath, the same as {@code socket} for plain {@code http}
     */
    HttpConnection(Origin origin, Socket socket, Socket tcp) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.tcp = tcp;
        this.out = socket.getOutputStream();
        this.in = new HttpInput(socket, origin);
        this.reader = new ResponseReader(in, origin);
        this.hostField = RequestHead.hostField(origin);
    }

    Origin origin() {
        return origin;
    }

    /**
     * Sends a request and reads its response, which must be complete by {@code deadlineNanos}. Throws
     * {@link StaleConnectionException} when a connection that already carried a request fails before any byte of
     * the response arrived (the server had closed it while idle), so that the request can go again on a new one.
     *
     * @param body the request body, or {@code null} for none
     */
    HttpReply exchange(String method, URI uri, String[] headers, byte[] body, int length, long deadlineNanos,
            WriteWatchdog watchdog) throws IOException {
        boolean reused = exchanges++ > 0;
        request.reset();
        RequestHead.write(request, method, uri, hostField, headers, body == null ? -1 : length);
        ScheduledFuture<?> watch = watchdog.watch(this, (long) request.size() + (body == null ? 0 : length),
                deadlineNanos);
        IOException failure = null;
        try {
            write(body, length);
        } catch (IOException e) {
            failure = e;
        }
        if (watch != null && !watch.cancel(false)) {
            throw new HttpTimeoutException("sending the request to " + origin + " timed out");
        }
        if (failure != null) {
            throw reused ? new StaleConnectionException(origin, failure) : failure;
        }
        in.startResponse(deadlineNanos);
        try {
            return reader.read();
        } catch (IOException e) {
            if (reused && !in.receivedAny() && !(e instanceof HttpTimeoutException)) {
                throw new StaleConnectionException(origin, e);
            }
            throw e;
        }
    }

    private void write(byte[] body, int length) throws IOException {
        if (body != null && request.size() + length <= MAX_BUFFERED_REQUEST) {
            request.append(body, 0, length);
            out.write(request.array(), 0, request.size());
        } else {
            out.write(request.array(), 0, request.size());
            if (body != null) {
                out.write(body, 0, length);
            }
        }
        out.flush();
    }

    /** Whether the last response left the connection fit for another request. */
    boolean reusable() {
        return reader.reusable() && !in.hasBuffered() && !socket.isClosed();
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    void idleSince(long nanos) {
        idleSinceNanos = nanos;
    }

    /** Closes the connection (for TLS, after telling the server). */
    void close() {
        closeQuietly(socket);
        closeQuietly(tcp);
    }

    /** Closes the TCP socket at once, from any thread; a request in flight on it fails with an IOException. */
    void abort() {
        closeQuietly(tcp);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // nothing more to do with a socket that is going away
        }
    }
}
