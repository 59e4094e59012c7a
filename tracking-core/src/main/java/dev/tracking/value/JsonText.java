package dev.tracking.value;

/**
 * Facts about text once written as a JSON string in UTF-8, as the library's encoders write it: the quotation mark,
 * the reverse solidus and the control characters below U+0020 escaped ({@code \b}, {@code \t}, {@code \n},
 * {@code \f} and {@code \r} in two bytes, the others as six-byte <code>&#92;u00XX</code> escapes), every other
 * character as its UTF-8 bytes, a surrogate pair as one four-byte sequence and a surrogate without its pair as a
 * six-byte escape. The library's JSON writer escapes exactly so; {@code EncodedBytesPropertyTest} holds the two to it.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The exact bytes of {@code text} as a JSON string, quotes included. */
    public static long stringBytes(String text) {
        int length = text.length();
        long size = 2 + length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    size++;
                }
            } else if (c < 0x20) {
                size += shortEscape(c) ? 1 : 5;
            } else if (c < 0x800) {
                size += 1;
            } else if (!Character.isSurrogate(c)) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 2;
                i++;
            } else {
                size += 5;
            }
        }
        return size;
    }

    /** The exact bytes of {@code c} alone as a JSON string, quotes included. */
    static int charBytes(char c) {
        if (c >= 0x20 && c < 0x80) {
            return c == '"' || c == '\\' ? 4 : 3;
        }
        if (c < 0x20) {
            return shortEscape(c) ? 4 : 8;
        }
        if (c < 0x800) {
            return 4;
        }
        return Character.isSurrogate(c) ? 8 : 5;
    }

    /** Whether {@code text} has a surrogate without its pair, which UTF-8 cannot encode. */
    public static boolean hasUnpairedSurrogate(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean shortEscape(char c) {
        return c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
