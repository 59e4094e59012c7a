package dev.tracking.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * Writes a long's decimal text, as {@link Long#toString(long)} would, as ASCII bytes into a byte array,
 * allocating nothing. Two digits at a time, dividing by multiplication where it can.
 */
final class LongText {

    /** The longest text a long has: {@code -9223372036854775808}. */
    static final int MAX_LENGTH = 20;

    private static final byte[] MIN_VALUE = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DIGIT_PAIRS = digitPairs();
    private static final long EIGHT_DIGITS = 100_000_000L;

    private LongText() {
    }

    /**
     * Writes {@code value} into {@code out} from {@code offset}, which has room for {@link #MAX_LENGTH} bytes, and
     * returns where the text ends.
     */
    static int write(long value, byte[] out, int offset) {
        if (value == Long.MIN_VALUE) {
            System.arraycopy(MIN_VALUE, 0, out, offset, MIN_VALUE.length);
            return offset + MIN_VALUE.length;
        }
        int at = offset;
        long positive = value;
        if (value < 0) {
            out[at++] = '-';
            positive = -value;
        }
        int end = at + digitCount(positive);
        writeDigitsBackwards(positive, out, end);
        return end;
    }

    private static void writeDigitsBackwards(long positive, byte[] out, int end) {
        int at = end;
        long rest = positive;
        while (rest > Integer.MAX_VALUE) {
            long quotient = rest / EIGHT_DIGITS;
            int low = (int) (rest - quotient * EIGHT_DIGITS);
            for (int pair = 0; pair < 4; pair++) {
                int high = hundredth(low);
                at = writePairBackwards(low - high * 100, out, at);
                low = high;
            }
            rest = quotient;
        }
        int value = (int) rest;
        while (value >= 100) {
            int high = hundredth(value);
            at = writePairBackwards(value - high * 100, out, at);
            value = high;
        }
        if (value >= 10) {
            writePairBackwards(value, out, at);
        } else {
            out[at - 1] = (byte) ('0' + value);
        }
    }

    /** {@code value / 100} for any non-negative int, by a multiplication, which is cheaper than a division. */
    private static int hundredth(int value) {
        return (int) (value * 1_374_389_535L >>> 37);
    }

    private static int writePairBackwards(int twoDigits, byte[] out, int end) {
        out[end - 1] = DIGIT_PAIRS[2 * twoDigits + 1];
        out[end - 2] = DIGIT_PAIRS[2 * twoDigits];
        return end - 2;
    }

    private static int digitCount(long positive) {
        int count = 1;
        for (long bound = 10; count < 19 && positive >= bound; bound *= 10) {
            count++;
        }
        return count;
    }

    private static byte[] digitPairs() {
        byte[] pairs = new byte[200];
        for (int i = 0; i < 100; i++) {
            pairs[2 * i] = (byte) ('0' + i / 10);
            pairs[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return pairs;
    }
}
