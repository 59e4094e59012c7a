package dev.tracking.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes identifiers for URL path segments and query values (RFC 3986): every byte of the UTF-8 form
 * except the unreserved characters {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX}, so {@code /}, {@code ?},
 * {@code #}, {@code +}, {@code %}, spaces and non-ASCII text arrive as the same identifier.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** {@code value} encoded for use as one path segment or one query value. */
    public static String encode(String value) {
        int i = 0;
        while (i < value.length() && isUnreserved(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
