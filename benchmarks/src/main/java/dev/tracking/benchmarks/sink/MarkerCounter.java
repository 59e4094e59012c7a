package dev.tracking.benchmarks.sink;

import java.nio.charset.StandardCharsets;

/**
 * Counts occurrences of a marker in a byte stream fed in arbitrary pieces, matches spanning piece borders
 * included. The marker's first byte must not occur again inside it, so a mismatch never needs to back up.
 */
public final class MarkerCounter {

    private final byte[] marker;
    private int matched;
    private long count;

    /** A counter for {@code marker}. */
    public MarkerCounter(String marker) {
        this.marker = marker.getBytes(StandardCharsets.US_ASCII);
        if (marker.isEmpty() || marker.indexOf(marker.charAt(0), 1) >= 0) {
            throw new IllegalArgumentException("marker must be non-empty and not repeat its first character");
        }
    }

    /** Scans {@code length} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        byte first = marker[0];
        int state = matched;
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b == marker[state]) {
                state++;
                if (state == marker.length) {
                    count++;
                    state = 0;
                }
            } else {
                state = b == first ? 1 : 0;
            }
        }
        matched = state;
    }

    /** Markers seen since the last {@link #reset()}. */
    public long count() {
        return count;
    }

    /** Forgets the count and any partial match. */
    public void reset() {
        matched = 0;
        count = 0;
    }
}
