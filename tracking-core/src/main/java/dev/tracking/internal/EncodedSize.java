package dev.tracking.internal;

/**
 * The size in bytes of values once written as JSON in UTF-8, as the encoders write them: an upper bound that is
 * exact for strings (escapes included) and generous for numbers and times.
 */
public final class EncodedSize {

    /** The most bytes a number, boolean or {@code null} takes. */
    static final int NUMBER_BYTES = 24;
    /** The most bytes a date or time written as ISO-8601 text takes, quotes included. */
    static final int TIME_BYTES = 48;
    /** A UUID as a quoted string. */
    static final int UUID_BYTES = 38;

    private EncodedSize() {
    }

    /** The bytes of {@code text} as a JSON string, quotes included. */
    public static long string(String text) {
        int length = text.length();
        long size = 2 + length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    size++;
                }
            } else if (c < 0x20) {
                size += 5;
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
}
