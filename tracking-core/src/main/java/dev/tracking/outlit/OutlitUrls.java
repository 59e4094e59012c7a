package dev.tracking.outlit;

import java.nio.charset.StandardCharsets;

/**
 * The identity part of an event's {@code url} ({@code server://<identity>}), which Outlit's contract wants to be a
 * URI. Emails and ordinary ids are used as they are, as @outlit/node writes them; any other character (a space, a
 * colon, a slash, non-ASCII…) is percent-encoded, and so is every {@code @} but the last, so that an id such as
 * {@code "Ann Smith"} cannot make the server reject the whole request.
 */
final class OutlitUrls {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OutlitUrls() {
    }

    /** {@code identity} fit for the authority of {@code server://}; the same string when nothing needs encoding. */
    static String identity(String identity) {
        int lastAt = identity.lastIndexOf('@');
        int i = 0;
        while (i < identity.length() && isKept(identity.charAt(i), i == lastAt)) {
            i++;
        }
        if (i == identity.length()) {
            return identity;
        }
        StringBuilder encoded = new StringBuilder(identity.length() + 16).append(identity, 0, i);
        while (i < identity.length()) {
            int codePoint = identity.codePointAt(i);
            if (codePoint < 0x80 && isKept((char) codePoint, i == lastAt)) {
                encoded.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            }
            i += Character.charCount(codePoint);
        }
        return encoded.toString();
    }

    /** RFC 3986 unreserved and sub-delimiter characters, and the {@code @} that ends the user information. */
    private static boolean isKept(char c, boolean userInfoEnd) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')'
                || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == '@' && userInfoEnd;
    }
}
