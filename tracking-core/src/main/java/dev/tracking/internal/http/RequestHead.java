package dev.tracking.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    private static final byte[] SPACE = ascii(" ");
    private static final byte[] COLON = ascii(": ");
    private static final byte[] VERSION_AND_HOST = ascii(" HTTP/1.1\r\nHost: ");
    private static final byte[] FIXED_FIELDS = ascii("\r\nUser-Agent: " + USER_AGENT
            + "\r\nAccept: application/json\r\n");
    private static final byte[] JSON_CONTENT = ascii("Content-Type: application/json\r\nContent-Length: ");

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

    /** The bytes of the {@code Host} header's value for requests to {@code origin}. */
    static byte[] hostField(Origin origin) {
        return origin.hostHeader().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Appends the head of a request to {@code out}; {@code contentLength} is negative for a request without body.
     * The headers must have passed {@link #check}.
     *
     * @param host the value of the {@code Host} header, from {@link #hostField}
     */
    static void write(ByteBuilder out, String method, URI uri, byte[] host, String[] headers, int contentLength) {
        out.appendLatin1(method);
        out.append(SPACE, 0, SPACE.length);
        out.appendLatin1(target(uri));
        out.append(VERSION_AND_HOST, 0, VERSION_AND_HOST.length);
        out.append(host, 0, host.length);
        out.append(FIXED_FIELDS, 0, FIXED_FIELDS.length);
        for (int i = 0; i < headers.length; i += 2) {
            out.appendLatin1(headers[i]);
            out.append(COLON, 0, COLON.length);
            out.appendLatin1(headers[i + 1]);
            out.appendLineEnd();
        }
        if (contentLength >= 0) {
            out.append(JSON_CONTENT, 0, JSON_CONTENT.length);
            out.appendLatin1(Integer.toString(contentLength));
            out.appendLineEnd();
        }
        out.appendLineEnd();
    }

    /** The raw path and query of {@code uri}, {@code /} for an empty path, non-ASCII characters percent-encoded. */
    static String target(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        String target = path == null || path.isEmpty() ? "/" : path;
        if (query != null) {
            target = target + "?" + query;
        }
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
