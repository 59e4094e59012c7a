package dev.tracking.internal.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes: scheme, host and port, the key under which connections are pooled.
 *
 * @param secure whether the scheme is {@code https}
 * @param host the host as written in the URI (IPv6 literals keep their brackets)
 * @param port the port, the scheme's default when the URI names none
 */
record Origin(boolean secure, String host, int port) {

    static final int HTTP_PORT = 80;
    static final int HTTPS_PORT = 443;

    /** The origin of {@code uri}, which must be an absolute {@code http} or {@code https} URI with a host. */
    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https");
        if (!secure && !scheme.equals("http")) {
            throw new IllegalArgumentException("uri must use http or https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("uri must name a host");
        }
        return new Origin(secure, host, uri.getPort() == -1 ? defaultPort(secure) : uri.getPort());
    }

    /** The value of the {@code Host} header: the host, and the port when it is not the scheme's default. */
    String hostHeader() {
        return port == defaultPort(secure) ? host : host + ":" + port;
    }

    /** The host without the brackets of an IPv6 literal, as sockets and TLS want it. */
    String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@code host:port}, the most any message says about where a request went. */
    @Override
    public String toString() {
        return host + ":" + port;
    }

    private static int defaultPort(boolean secure) {
        return secure ? HTTPS_PORT : HTTP_PORT;
    }
}
