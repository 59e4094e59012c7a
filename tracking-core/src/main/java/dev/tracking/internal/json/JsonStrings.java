package dev.tracking.internal.json;

/**
 * Appends the text of JSON strings to a {@link JsonBuffer}, escaped as RFC 8259 asks, in UTF-8.
 *
 * <p>The quotation mark, the reverse solidus and the control characters below U+0020 are escaped ({@code \b},
 * {@code \t}, {@code \n}, {@code \f}, {@code \r}, the others as <code>&#92;u00XX</code>); every other
 * character is written as its UTF-8 bytes, a surrogate pair as one four-byte sequence. An unpaired surrogate,
 * which UTF-8 cannot encode, is written as a <code>&#92;uXXXX</code> escape, as Jackson does: the output stays
 * valid UTF-8 and reads back as the same string. ASCII text that needs no escaping is copied without more checks.
 * {@code dev.tracking.value.JsonText} measures exactly what this writes: change the two together
 * ({@code EncodedBytesPropertyTest} holds them to it).
 */
final class JsonStrings {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E',
        'F'};
    private static final byte UNICODE_ESCAPE = 'u';
    private static final byte[] ESCAPES = escapes();
    private static final int MAX_BYTES_PER_CHAR = 6;

    /** How many bytes of room {@link #appendEscaped} leaves after the text, for a closing quote and a colon. */
    static final int ROOM_LEFT = 2;

    private JsonStrings() {
    }

    /** Appends {@code text} escaped, without quotes, leaving room for {@link #ROOM_LEFT} more bytes. */
    static void appendEscaped(JsonBuffer out, String text) {
        int length = text.length();
        byte[] bytes = out.room(length + ROOM_LEFT);
        int start = out.size();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                out.advanceTo(start + i);
                appendEach(out, text, i);
                return;
            }
            bytes[start + i] = (byte) c;
        }
        out.advanceTo(start + length);
    }

    private static void appendEach(JsonBuffer out, String text, int from) {
        int length = text.length();
        for (int i = from; i < length; i++) {
            byte[] bytes = out.room(MAX_BYTES_PER_CHAR + ROOM_LEFT);
            int at = out.size();
            char c = text.charAt(i);
            if (c < 0x80) {
                at = ascii(c, bytes, at);
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | c >> 6);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                bytes[at++] = (byte) (0xE0 | c >> 12);
                bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                bytes[at++] = (byte) (0xF0 | codePoint >> 18);
                bytes[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                bytes[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                at = unicodeEscape(c, bytes, at);
            }
            out.advanceTo(at);
        }
    }

    private static int ascii(char c, byte[] bytes, int at) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
            bytes[at++] = (byte) c;
        } else if (escape == UNICODE_ESCAPE) {
            at = unicodeEscape(c, bytes, at);
        } else {
            bytes[at++] = '\\';
            bytes[at++] = escape;
        }
        return at;
    }

    private static int unicodeEscape(char c, byte[] bytes, int at) {
        bytes[at++] = '\\';
        bytes[at++] = 'u';
        bytes[at++] = HEX[c >> 12];
        bytes[at++] = HEX[c >> 8 & 0xF];
        bytes[at++] = HEX[c >> 4 & 0xF];
        bytes[at++] = HEX[c & 0xF];
        return at;
    }

    private static byte[] escapes() {
        byte[] escapes = new byte[0x80];
        for (int c = 0; c < 0x20; c++) {
            escapes[c] = UNICODE_ESCAPE;
        }
        escapes['\b'] = 'b';
        escapes['\t'] = 't';
        escapes['\n'] = 'n';
        escapes['\f'] = 'f';
        escapes['\r'] = 'r';
        escapes['"'] = '"';
        escapes['\\'] = '\\';
        return escapes;
    }
}
