package dev.tracking.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request for an {@link HttpSender}.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri an absolute {@code http} or {@code https} URI
 * @param headers header names and values, in order; none that frames the message ({@code Host},
 *     {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}), none with a line break
 * @param body the body, or {@code null} for none
 * @param idempotent whether sending it twice is harmless (events the server deduplicates, reads); a sender never
 *     sends a request that is not twice, and never on a connection that may already be closed by the server
 * @param timeout the longest the whole exchange may take: connecting, writing the body, reading the response
 */
public record HttpRequest(String method, URI uri, Map<String, String> headers, HttpBody body, boolean idempotent,
        Duration timeout) {

    private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection",
            "content-type", "content-encoding");

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("method must be GET or POST, was " + method);
        }
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("uri must be an absolute http or https URI");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        headers = checked(headers == null ? Map.of() : headers);
    }

    /** A {@code GET}, idempotent. */
    public static HttpRequest get(URI uri, Duration timeout) {
        return new HttpRequest("GET", uri, Map.of(), null, true, timeout);
    }

    /** A {@code POST} of {@code body}; {@code idempotent} says whether the server takes it twice without harm. */
    public static HttpRequest post(URI uri, HttpBody body, boolean idempotent, Duration timeout) {
        return new HttpRequest("POST", uri, Map.of(), Objects.requireNonNull(body, "body"), idempotent, timeout);
    }

    /** This request with header {@code name} set to {@code value}. */
    public HttpRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpRequest(method, uri, more, body, idempotent, timeout);
    }

    /** Names the method and origin only: the path, query and headers may hold keys. */
    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + origin(uri) + (idempotent ? "" : ", not idempotent") + "]";
    }

    /** {@code scheme://host:port} of {@code uri}, the most of a URL that messages may name. */
    public static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private static Map<String, String> checked(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || name.isEmpty() || !name.chars().allMatch(HttpRequest::isTokenChar)) {
                throw new IllegalArgumentException("headers: a header name must be a non-empty token");
            }
            if (FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("headers: " + name + " is set by the sender");
            }
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("headers: the value of " + name + " must be one line of text");
            }
            copy.put(name, value);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
