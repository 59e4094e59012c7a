package dev.tracking.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes a UUID's canonical 36-character form as ASCII bytes into a byte array, allocating nothing. */
final class UuidText {

    /** The length of a UUID's canonical text. */
    static final int LENGTH = 36;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private UuidText() {
    }

    /** Writes {@code uuid} into {@code out[offset..offset + 36)}. */
    static void write(UUID uuid, byte[] out, int offset) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        hex(msb >>> 32, out, offset, 8);
        out[offset + 8] = '-';
        hex(msb >>> 16, out, offset + 9, 4);
        out[offset + 13] = '-';
        hex(msb, out, offset + 14, 4);
        out[offset + 18] = '-';
        hex(lsb >>> 48, out, offset + 19, 4);
        out[offset + 23] = '-';
        hex(lsb, out, offset + 24, 12);
    }

    private static void hex(long value, byte[] out, int offset, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
