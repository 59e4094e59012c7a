package dev.tracking.internal.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Percent-encoding for identifiers placed in URLs, and the warning for plain {@code http://} to a remote host. */
public final class Urls {

    private static final Logger log = LoggerFactory.getLogger(Urls.class);

    private Urls() {
    }

    /** {@code value} percent-encoded as one URL path segment (a {@code /} in it is encoded too). */
    public static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code value} percent-encoded as a query parameter value. */
    public static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code base} without a trailing slash, so that a path starting with {@code /} can be appended. */
    public static String withoutTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whether {@code host} is this machine ({@code localhost}, {@code 127.x.x.x} or {@code ::1}). */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")
                || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * Logs a warning when {@code url} is plain {@code http://} to a host other than this machine. Names only the
     * scheme and host, never the path or query (which may hold keys).
     *
     * @return whether a warning was logged
     */
    public static boolean warnIfPlainHttp(String what, URI url) {
        if ("http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost())) {
            log.warn("{} uses plain http:// to {}: requests are not encrypted; use https:// outside development",
                    what, url.getHost());
            return true;
        }
        return false;
    }
}
