package dev.tracking.internal.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the head of an HTTP/1.1 request: request line, {@code Host}, {@code User-Agent}, {@code Accept}, the
 * caller's headers and, with a body, {@code Content-Type: application/json} and {@code Content-Length}.
 */
final class RequestHead {

    static final String USER_AGENT = "dev.tracking/0.1 (java)";

    private static final Set<String> SET_BY_TRANSPORT = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "expect", "upgrade", "te", "trailer", "proxy-connection");
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private RequestHead() {
    }

    /**
     * Checks that {@code headers} are name/value pairs of valid header names and values that cannot break the
     * request's framing (no CR, LF or other control characters), and that they leave framing headers to the
     * transport. Messages name a header, never its value.
     */
    static void check(String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be name/value pairs");
        }
        for (int i = 0; i < headers.length; i += 2) {
            String name = headers[i];
            String value = headers[i + 1];
            if (name == null || name.isEmpty() || !isToken(name)) {
                throw new IllegalArgumentException("headers: invalid header name at position " + i);
            }
            if (SET_BY_TRANSPORT.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("headers: " + name + " is set by the transport");
            }
            if (value == null || !isFieldValue(value)) {
                throw new IllegalArgumentException("headers: the value of " + name
                        + " contains a line break or another character not allowed in a header");
            }
        }
    }

    /**
     * Appends the head of a request to {@code out}; {@code contentLength} is negative for a request without body.
     * The headers must have passed {@link #check}.
     */
    static void write(ByteBuilder out, String method, URI uri, Origin origin, String[] headers, int contentLength) {
        out.appendLatin1(method);
        out.appendLatin1(" ");
        out.appendLatin1(target(uri));
        out.appendLatin1(" HTTP/1.1\r\nHost: ");
        out.appendLatin1(origin.hostHeader());
        out.appendLatin1("\r\nUser-Agent: " + USER_AGENT + "\r\nAccept: application/json\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            out.appendLatin1(headers[i]);
            out.appendLatin1(": ");
            out.appendLatin1(headers[i + 1]);
            out.appendLineEnd();
        }
        if (contentLength >= 0) {
            out.appendLatin1("Content-Type: application/json\r\nContent-Length: ");
            out.appendDecimal(contentLength);
            out.appendLineEnd();
        }
        out.appendLineEnd();
    }

    /** The raw path and query of {@code uri}, {@code /} for an empty path, non-ASCII characters percent-encoded. */
    static String target(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        String target = (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
        return isAscii(target) ? target : target(URI.create(uri.toASCIIString()));
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < ' ' || c == 127 || c > 255)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
