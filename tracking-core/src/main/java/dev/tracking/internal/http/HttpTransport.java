package dev.tracking.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends JSON requests with the JDK {@link HttpClient}: connect and request timeouts, HTTP/1.1 with keep-alive,
 * no redirects. Meant for one sending thread at a time per request (the sender blocks until the reply).
 *
 * <p>The client runs its completion stages on its own selector thread instead of a worker pool, which saves
 * thread hand-offs on every request; the selector thread is a daemon and ends once the transport is closed and
 * unreachable. Headers are given as name/value pairs. Nothing here logs URLs or headers, so keys in them stay
 * private.
 */
public final class HttpTransport implements AutoCloseable {

    private static final String USER_AGENT = "dev.tracking/0.1 (java)";

    private final String name;
    private volatile HttpClient client;

    private HttpTransport(String name, HttpClient client) {
        this.name = name;
        this.client = client;
    }

    /**
     * A transport for one destination or client.
     *
     * @param name a short name for messages, e.g. {@code outlit}
     * @param connectTimeout how long connecting may take
     */
    public static HttpTransport create(String name, Duration connectTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build();
        return new HttpTransport(name, client);
    }

    /** POSTs {@code json} to {@code uri} with {@code Content-Type: application/json} and waits for the reply. */
    public HttpReply postJson(URI uri, byte[] json, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        return postJson(uri, json, json.length, timeout, headers);
    }

    /**
     * POSTs the first {@code length} bytes of {@code json}. The client copies the body when it starts sending,
     * so the caller may reuse the array once this method returns.
     */
    public HttpReply postJson(URI uri, byte[] json, int length, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(uri, timeout, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json, 0, length));
        return send(request.build());
    }

    /** GETs {@code uri} and waits for the reply. */
    public HttpReply get(URI uri, Duration timeout, String... headers) throws IOException, InterruptedException {
        return send(request(uri, timeout, headers).GET().build());
    }

    /** Drops the client; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        client = null;
    }

    @Override
    public String toString() {
        return "HttpTransport[" + name + "]";
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
        HttpClient current = client;
        if (current == null) {
            throw new IllegalStateException("the HTTP transport for " + name + " is closed");
        }
        HttpResponse<byte[]> response = current.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body() == null ? new byte[0] : response.body();
        return new HttpReply(response.statusCode(), response.headers(), body);
    }
}
