package dev.tracking.internal.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends JSON requests over HTTP/1.1 ({@code http} or {@code https}) with blocking sockets, in the calling
 * thread: connect and request timeouts, kept-alive connections, no redirects, no proxy. Safe for concurrent use
 * (the Lotus destination, client and access refreshes share one); each call blocks the thread that makes it until
 * the reply.
 *
 * <p>Each call borrows an idle connection to the same scheme, host and port or opens one, and gives it back when
 * the response allows another request on it; at most four connections stay idle, and one idle for longer than
 * 30 seconds is closed instead of being used. A request that finds its kept-alive connection closed by the server
 * before any byte of the response goes again once on a new connection; {@link #postJsonOnce} requests always take
 * a new connection instead.
 *
 * <p>The request timeout bounds the whole exchange: connecting, writing (a large body whose write outlives it is
 * aborted by a timer thread) and waiting for the response. It ends the call with
 * {@link java.net.http.HttpTimeoutException}, and a connect timeout with
 * {@link java.net.http.HttpConnectTimeoutException}. Interrupting a calling thread closes its connection and ends
 * the call with {@link InterruptedException}; closing the transport ends calls in flight. Headers are given as
 * name/value pairs. Nothing here logs or puts into messages the path, query or headers of a request, so keys in
 * them stay private.
 */
public final class HttpTransport implements AutoCloseable {

    static final int MAX_IDLE = 4;
    static final int MAX_IDLE_SECONDS = 30;

    private static final String[] NO_HEADERS = new String[0];

    private final String name;
    private final Connector connector;
    private final ConnectionPool pool;
    private final WriteWatchdog watchdog;
    private volatile boolean closed;

    private HttpTransport(String name, Connector connector) {
        this.name = name;
        this.connector = connector;
        this.pool = new ConnectionPool(MAX_IDLE, TimeUnit.SECONDS.toNanos(MAX_IDLE_SECONDS));
        this.watchdog = new WriteWatchdog("tracking-http-timer-" + name);
    }

    /**
     * A transport for one destination or client; {@code https} uses the default {@link javax.net.ssl.SSLContext}.
     *
     * @param name a short name for messages, e.g. {@code outlit}
     * @param connectTimeout how long connecting may take
     */
    public static HttpTransport create(String name, Duration connectTimeout) {
        return create(name, connectTimeout, () -> (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** A transport whose {@code https} connections come from {@code tlsFactory}. */
    static HttpTransport create(String name, Duration connectTimeout, Supplier<SSLSocketFactory> tlsFactory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        return new HttpTransport(name, new Connector(connectTimeout, tlsFactory));
    }

    /**
     * POSTs the first {@code length} bytes of {@code json} to {@code uri} with {@code Content-Type: application/json}
     * and waits for the reply. The body is written before this method returns, so the caller may reuse the array.
     * When a kept-alive connection turns out to be closed, the request goes again on a new one: use this for bodies
     * the server recognises when it receives them twice (events with their ids).
     */
    public HttpReply postJson(URI uri, byte[] json, int length, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        return send("POST", uri, checked(json, length), length, timeout, headers, true);
    }

    /**
     * Like {@link #postJson}, for requests that must never be sent twice (creating a customer or a subscription):
     * they go on a new connection, so that no stale kept-alive connection can fail them after the server took them.
     */
    public HttpReply postJsonOnce(URI uri, byte[] json, int length, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        return send("POST", uri, checked(json, length), length, timeout, headers, false);
    }

    /** GETs {@code uri} and waits for the reply. */
    public HttpReply get(URI uri, Duration timeout, String... headers) throws IOException, InterruptedException {
        return send("GET", uri, null, 0, timeout, headers, true);
    }

    /**
     * Closes every connection; later calls fail with {@link IllegalStateException}, and a call in flight ends with
     * its reply or an {@link IOException}.
     */
    @Override
    public void close() {
        closed = true;
        pool.close();
        watchdog.close();
    }

    @Override
    public String toString() {
        return "HttpTransport[" + name + "]";
    }

    ConnectionPool pool() {
        return pool;
    }

    static long saturatedNanos(Duration duration) {
        return duration.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : duration.toNanos();
    }

    private static byte[] checked(byte[] json, int length) {
        Objects.requireNonNull(json, "json");
        if (length < 0 || length > json.length) {
            throw new IllegalArgumentException("length must be between 0 and json.length");
        }
        return json;
    }

    private HttpReply send(String method, URI uri, byte[] body, int length, Duration timeout, String[] headers,
            boolean resendable) throws IOException, InterruptedException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        String[] requestHeaders = headers == null ? NO_HEADERS : headers;
        RequestHead.check(requestHeaders);
        Origin origin = Origin.of(uri);
        if (closed) {
            throw new IllegalStateException("the HTTP transport for " + name + " is closed");
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sending a request to " + origin);
        }
        long deadline = System.nanoTime() + saturatedNanos(timeout);
        HttpConnection idle = resendable ? pool.borrow(origin) : null;
        if (idle != null) {
            try {
                return exchange(idle, method, uri, requestHeaders, body, length, deadline);
            } catch (StaleConnectionException stale) {
                if (closed) {
                    throw stale;
                }
            }
        }
        return exchange(open(origin, deadline), method, uri, requestHeaders, body, length, deadline);
    }

    private HttpConnection open(Origin origin, long deadline) throws IOException, InterruptedException {
        HttpConnection connection;
        try {
            connection = connector.open(origin, deadline);
        } catch (IOException e) {
            throw interruptedOr(e, origin);
        }
        pool.add(connection);
        return connection;
    }

    private HttpReply exchange(HttpConnection connection, String method, URI uri, String[] headers, byte[] body,
            int length, long deadline) throws IOException, InterruptedException {
        boolean complete = false;
        try {
            HttpReply reply = connection.exchange(method, uri, headers, body, length, deadline, watchdog);
            complete = true;
            return reply;
        } catch (IOException e) {
            throw interruptedOr(e, connection.origin());
        } finally {
            if (complete) {
                pool.release(connection);
            } else {
                pool.discard(connection);
            }
        }
    }

    private static IOException interruptedOr(IOException failure, Origin origin) throws InterruptedException {
        if (Thread.interrupted()) {
            InterruptedException interrupted = new InterruptedException("interrupted during a request to " + origin);
            interrupted.initCause(failure);
            throw interrupted;
        }
        return failure;
    }
}
