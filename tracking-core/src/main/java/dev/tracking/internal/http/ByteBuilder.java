package dev.tracking.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array: the request a connection writes, or a response body of unknown length. */
final class ByteBuilder {

    private byte[] bytes;
    private int size;

    ByteBuilder(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** Forgets the content and keeps the array. */
    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The backing array; its first {@link #size()} bytes are the content. */
    byte[] array() {
        return bytes;
    }

    /** The content as a new array. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void append(byte[] source, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Appends {@code text}, whose characters are all below 256, one byte per character. */
    void appendLatin1(String text) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        append(latin1, 0, latin1.length);
    }

    void appendLineEnd() {
        ensureRoom(2);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
    }

    /** Makes room for {@code length} more bytes, to be written into {@link #array()} at {@link #size()}. */
    void ensureRoom(int length) {
        long needed = (long) size + length;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("byte array too large");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
        }
    }

    /** Counts {@code length} bytes written into {@link #array()} at {@link #size()} as content. */
    void advance(int length) {
        size += length;
    }
}
