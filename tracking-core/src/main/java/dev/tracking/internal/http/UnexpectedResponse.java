package dev.tracking.internal.http;

import dev.tracking.Failure;
import java.nio.charset.StandardCharsets;

/**
 * The failure for a success status whose body is not what the vendor sends (a proxy's error page, a wrong base
 * URL): reason {@code unexpected_response}, retried like a server error, with the status, the content type and
 * the first bytes of the body in its detail.
 */
public final class UnexpectedResponse {

    /** The reason code. */
    public static final String REASON = "unexpected_response";

    private static final int MAX_BODY_CHARS = 120;

    private UnexpectedResponse() {
    }

    /** The failure for an answer with {@code status}, {@code contentType} (may be null) and {@code body}. */
    public static Failure of(int status, String contentType, byte[] body, String expected) {
        return Failure.of(REASON, "HTTP " + status + " with Content-Type " + (contentType == null ? "(none)"
                : printable(contentType, 80)) + " and " + describeBody(body) + "; expected " + expected);
    }

    private static String describeBody(byte[] body) {
        if (body == null || body.length == 0) {
            return "an empty body";
        }
        String text = new String(body, 0, Math.min(body.length, MAX_BODY_CHARS * 4), StandardCharsets.UTF_8);
        return body.length + " byte(s) of body starting \"" + printable(text, MAX_BODY_CHARS) + "\"";
    }

    /** {@code text} cut to {@code max} characters, with control characters shown as spaces. */
    private static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > max) {
            out.append('…');
        }
        return out.toString();
    }
}
