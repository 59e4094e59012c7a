package dev.tracking.internal.http;

import dev.tracking.value.JsonText;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Percent-encoding for identifiers placed in URLs, and the warning for plain {@code http://} to a remote host. */
public final class Urls {

    private static final Logger log = LoggerFactory.getLogger(Urls.class);
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private Urls() {
    }

    /**
     * {@code value} percent-encoded as one URL path segment: a {@code /} in it is encoded too, and so are the dots of
     * a {@code .} or {@code ..} segment, so that no identifier can step out of its place in the path.
     */
    public static String pathSegment(String value) {
        requireEncodable(value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    /** {@code value} percent-encoded as a query parameter value. */
    public static String queryValue(String value) {
        requireEncodable(value);
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Refuses an identifier UTF-8 cannot encode, rather than letting the encoder turn it into {@code ?}. */
    private static void requireEncodable(String value) {
        if (JsonText.hasUnpairedSurrogate(value)) {
            throw new IllegalArgumentException("an identifier has a surrogate character without its pair, which "
                    + "UTF-8 cannot encode");
        }
    }

    /** {@code base} without a trailing slash, so that a path starting with {@code /} can be appended. */
    public static String withoutTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Whether {@code host} is this machine: {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8}, or the IPv6
     * literal {@code ::1} (in any spelling, with or without brackets). Nothing else counts, not even a name that
     * starts with {@code 127.}; no name is resolved.
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(h).matches()) {
            String[] octets = h.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(octets[0]) == 127;
        }
        if (h.indexOf(':') >= 0 && IPV6_LITERAL.matcher(h).matches()) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
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
