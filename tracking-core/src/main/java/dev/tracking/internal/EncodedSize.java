package dev.tracking.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

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

    /** The bytes a value of a message snapshot (see {@link PropertyValues}) takes as JSON. */
    static long of(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof PropertyMap map) {
            return map.encodedBytes();
        }
        if (value instanceof PropertyList list) {
            return list.encodedBytes();
        }
        if (value instanceof Enum<?> constant) {
            return string(constant.name());
        }
        if (value instanceof Character) {
            return 8;
        }
        if (value instanceof UUID) {
            return UUID_BYTES;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return value.toString().length();
        }
        if (value instanceof TemporalAccessor) {
            return TIME_BYTES;
        }
        return NUMBER_BYTES;
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
