package dev.tracking.internal.json;

import java.io.ByteArrayOutputStream;

/**
 * A byte buffer an encoder writes a request body into and reuses for the next one, lending out its array
 * instead of copying it. Not thread-safe: one per encoder.
 */
public final class LentBuffer extends ByteArrayOutputStream {

    /** A buffer that starts with room for {@code initialCapacity} bytes and grows as needed. */
    public LentBuffer(int initialCapacity) {
        super(initialCapacity);
    }

    /** The backing array: its first {@link #size()} bytes are what was written since the last {@link #reset()}. */
    public byte[] array() {
        return buf;
    }
}
