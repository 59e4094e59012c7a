package dev.tracking.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends JSON requests with the JDK {@link HttpClient}: connect and request timeouts, HTTP/1.1 with
 * keep-alive, and daemon worker threads that belong to this transport and stop when it is closed.
 *
 * <p>Headers are given as name/value pairs. Nothing here logs URLs or headers, so keys in them stay private.
 */
public final class HttpTransport implements AutoCloseable {

    private static final String USER_AGENT = "dev.tracking/0.1 (java)";

    private final HttpClient client;
    private final ExecutorService executor;

    private HttpTransport(HttpClient client, ExecutorService executor) {
        this.client = client;
        this.executor = executor;
    }

    /**
     * A transport whose worker threads are named {@code tracking-http-<name>-<n>}.
     *
     * @param name a short name for thread names, e.g. {@code outlit}
     * @param connectTimeout how long connecting may take
     */
    public static HttpTransport create(String name, Duration connectTimeout) {
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("tracking-http-" + name + "-"));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        return new HttpTransport(client, executor);
    }

    /** POSTs {@code json} to {@code uri} with {@code Content-Type: application/json} and waits for the reply. */
    public HttpReply postJson(URI uri, byte[] json, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(uri, timeout, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        return send(request.build());
    }

    /** GETs {@code uri} and waits for the reply. */
    public HttpReply get(URI uri, Duration timeout, String... headers) throws IOException, InterruptedException {
        return send(request(uri, timeout, headers).GET().build());
    }

    /** The underlying client, for calls this class does not cover. */
    public HttpClient client() {
        return client;
    }

    /** Stops the worker threads; requests in progress fail. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static HttpRequest.Builder request(URI uri, Duration timeout, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body() == null ? new byte[0] : response.body();
        return new HttpReply(response.statusCode(), response.headers(), body);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
