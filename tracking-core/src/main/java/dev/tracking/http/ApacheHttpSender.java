package dev.tracking.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The default {@link HttpSender}, on Apache HttpClient 5 (classic, blocking, in the calling thread): pooled
 * kept-alive HTTP/1.1 connections, the proxy and TLS of its {@link HttpOptions}, no redirects, no cookies and no
 * automatic retries (the delivery pipeline decides what is sent again).
 *
 * <p>A request's timeout bounds the whole exchange: connecting, waiting for a pooled connection, writing the body
 * (a timer aborts a write the server does not read) and reading the answer; it ends the call with
 * {@link java.net.http.HttpTimeoutException}. Interrupting the calling thread aborts its request within about
 * 100 ms and ends the call with {@link InterruptedException}. A request that is not idempotent goes on a new connection that is
 * closed after it, so a kept-alive connection the server already closed can never fail it half-sent. Failure
 * messages name the scheme, host and port only. Its one thread, {@code tracking-http-deadlines-<name>}, runs while
 * requests are in flight (and 30 s after); {@link #close()} ends the calls in flight and that thread.
 */
public final class ApacheHttpSender implements HttpSender {

    private static final TimeValue KEEP_ALIVE = TimeValue.ofSeconds(30);

    private final String name;
    private final HttpOptions options;
    private final CloseableHttpClient pooled;
    private final CloseableHttpClient oneShot;
    private final Set<HttpUriRequestBase> inFlight = ConcurrentHashMap.newKeySet();
    private final Deadlines deadlines;
    private volatile boolean closed;

    private ApacheHttpSender(String name, HttpOptions options, Duration connectTimeout) {
        this.name = name;
        this.options = options;
        this.pooled = client(options, connectTimeout, true);
        this.oneShot = client(options, connectTimeout, false);
        this.deadlines = new Deadlines(name);
    }

    /**
     * A sender for one destination or client.
     *
     * @param name a short name for messages, e.g. {@code outlit}
     * @param options the proxy, TLS and pool settings
     * @param connectTimeout how long opening a connection may take (each request's timeout bounds it too)
     */
    public static ApacheHttpSender create(String name, HttpOptions options, Duration connectTimeout) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        return new ApacheHttpSender(name, options, connectTimeout);
    }

    private static CloseableHttpClient client(HttpOptions options, Duration connectTimeout, boolean reuse) {
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(options.maxConnections())
                .setMaxConnPerRoute(options.maxConnectionsPerHost())
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setTlsSocketStrategy(options.sslContext() == null ? DefaultClientTlsStrategy.createSystemDefault()
                        : new DefaultClientTlsStrategy(options.sslContext()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(Proxies.routePlanner(options.proxy()))
                .setDefaultCredentialsProvider(Proxies.credentials(options.proxy()))
                .setKeepAliveStrategy((response, context) -> KEEP_ALIVE)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("tracking-java");
        if (!reuse) {
            builder.setConnectionReuseStrategy((request, response, context) -> false);
        }
        if (options.clientCustomizer() != null) {
            options.clientCustomizer().accept(builder);
        }
        return builder.build();
    }

    @Override
    public HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IOException("the HTTP sender for " + name + " is closed");
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sending a request to " + origin(request));
        }
        HttpUriRequestBase apache = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(apache::addHeader);
        if (request.body() != null) {
            apache.setEntity(new BodyEntity(request.body()));
        }
        Timeout timeout = Timeout.of(request.timeout());
        apache.setConfig(RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout)
                .setRedirectsEnabled(false).build());
        AtomicBoolean timedOut = new AtomicBoolean();
        Deadlines.Watch watch;
        try {
            watch = deadlines.watch(() -> {
                timedOut.set(true);
                apache.cancel();
            }, apache::cancel, request.timeout());
        } catch (RejectedExecutionException closedMeanwhile) {
            throw new IOException("the HTTP sender for " + name + " is closed");
        }
        inFlight.add(apache);
        if (closed) {
            apache.cancel(); // close() may have run before the request was in flight
        }
        try {
            return (request.idempotent() ? pooled : oneShot).execute(apache,
                    response -> read(response.getCode(), response.getHeaders(), response.getEntity(), apache));
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw (InterruptedException) new InterruptedException("interrupted during a request to "
                        + origin(request)).initCause(SenderFailures.describe(name, request, e, false, closed));
            }
            throw SenderFailures.describe(name, request, e, timedOut.get(), closed);
        } catch (CancellationException e) {
            // aborted while waiting for a pooled connection
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during a request to " + origin(request));
            }
            throw SenderFailures.describe(name, request, new IOException("cancelled"), timedOut.get(), closed);
        } finally {
            watch.close();
            inFlight.remove(apache);
        }
    }

    private HttpReply read(int status, Header[] headers, HttpEntity entity, HttpUriRequestBase apache)
            throws IOException {
        ReplyHeaders.Builder replyHeaders = new ReplyHeaders.Builder();
        for (Header header : headers) {
            replyHeaders.add(header.getName(), header.getValue());
        }
        return new HttpReply(status, replyHeaders.build(),
                CappedBodies.read(entity, options.maxResponseBytes(), apache::cancel));
    }

    /**
     * Closes every connection, ends the calls in flight with an {@link IOException} and stops the sender's timer
     * thread; later calls fail.
     */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(HttpUriRequestBase::cancel);
        pooled.close(CloseMode.IMMEDIATE);
        oneShot.close(CloseMode.IMMEDIATE);
        deadlines.close();
    }

    @Override
    public String toString() {
        return "ApacheHttpSender[" + name + ", " + options + "]";
    }

    private static String origin(HttpRequest request) {
        return HttpRequest.origin(request.uri());
    }

    static String origin(URI uri) {
        return HttpRequest.origin(uri);
    }
}
