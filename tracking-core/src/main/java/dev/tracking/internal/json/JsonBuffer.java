package dev.tracking.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A growable byte array that a JSON document is appended to as UTF-8, reused from one document to the next.
 *
 * <p>It writes what it is told without checking the document's structure; it only places the commas, from
 * whether the last thing written ended a value. Strings are escaped as {@link JsonStrings} describes. Numbers
 * are written as {@link Double#toString}, {@link BigDecimal#toString} and so on, all valid JSON numbers, except
 * that NaN and the infinities, which JSON cannot hold, become the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}. Its bytes are lent, not copied: {@link #array()} until the next write or
 * {@link #reset()}. Not thread-safe.
 */
public final class JsonBuffer {

    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    private byte[] bytes;
    private int size;
    private boolean afterValue;

    /** An empty buffer with room for {@code initialCapacity} bytes; it grows as needed. */
    public JsonBuffer(int initialCapacity) {
        bytes = new byte[Math.max(initialCapacity, 16)];
    }

    /** Empties the buffer, keeping its array, to write the next document. */
    public void reset() {
        size = 0;
        afterValue = false;
    }

    /** The backing array: its first {@link #size()} bytes are what was written since the last {@link #reset()}. */
    public byte[] array() {
        return bytes;
    }

    /** How many bytes were written since the last {@link #reset()}. */
    public int size() {
        return size;
    }

    public void startObject() {
        open('{');
    }

    public void endObject() {
        close('}');
    }

    public void startArray() {
        open('[');
    }

    public void endArray() {
        close(']');
    }

    /** Writes the name of the next property of the object being written. */
    public void name(String name) {
        separate(1);
        bytes[size++] = '"';
        JsonStrings.appendEscaped(this, name);
        bytes[size++] = '"';
        bytes[size++] = ':';
        afterValue = false;
    }

    /** Writes the name of the next property of the object being written. */
    public void name(JsonString name) {
        byte[] quoted = name.quoted();
        separate(quoted.length + 1);
        copy(quoted);
        bytes[size++] = ':';
        afterValue = false;
    }

    public void string(String text) {
        separate(1);
        bytes[size++] = '"';
        JsonStrings.appendEscaped(this, text);
        bytes[size++] = '"';
        afterValue = true;
    }

    public void string(JsonString text) {
        raw(text.quoted());
    }

    /** Writes {@code first} followed by {@code second} as one string value. */
    public void string(String first, String second) {
        separate(1);
        bytes[size++] = '"';
        JsonStrings.appendEscaped(this, first);
        JsonStrings.appendEscaped(this, second);
        bytes[size++] = '"';
        afterValue = true;
    }

    /** Writes {@code length} bytes of {@code ascii} from {@code offset} as a string; they must need no escaping. */
    public void asciiString(byte[] ascii, int offset, int length) {
        separate(length + 2);
        bytes[size++] = '"';
        System.arraycopy(ascii, offset, bytes, size, length);
        size += length;
        bytes[size++] = '"';
        afterValue = true;
    }

    /** Writes {@code uuid}'s canonical text as a string. */
    public void uuid(UUID uuid) {
        separate(UuidText.LENGTH + 2);
        bytes[size++] = '"';
        UuidText.write(uuid, bytes, size);
        size += UuidText.LENGTH;
        bytes[size++] = '"';
        afterValue = true;
    }

    public void number(long value) {
        separate(LongText.MAX_LENGTH);
        size = LongText.write(value, bytes, size);
        afterValue = true;
    }

    /** Writes a finite {@code value} as a number, NaN and the infinities as strings. */
    public void number(double value) {
        if (Double.isFinite(value)) {
            asciiNumber(Double.toString(value));
        } else {
            string(Double.toString(value));
        }
    }

    public void number(BigDecimal value) {
        asciiNumber(value.toString());
    }

    public void number(BigInteger value) {
        asciiNumber(value.toString());
    }

    public void bool(boolean value) {
        raw(value ? TRUE : FALSE);
    }

    public void nullValue() {
        raw(NULL);
    }

    /** The JSON written since the last {@link #reset()}, as text. */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** Makes room for {@code count} more bytes and returns the array to write them into at {@link #size()}. */
    byte[] room(int count) {
        ensureRoom(count);
        return bytes;
    }

    /** Records that bytes were written into the array up to {@code newSize}. */
    void advanceTo(int newSize) {
        size = newSize;
    }

    private void open(char bracket) {
        separate(1);
        bytes[size++] = (byte) bracket;
        afterValue = false;
    }

    private void close(char bracket) {
        ensureRoom(1);
        bytes[size++] = (byte) bracket;
        afterValue = true;
    }

    /** Makes room for a comma and {@code count} more bytes, and writes the comma if a value came before. */
    private void separate(int count) {
        ensureRoom(count + 1);
        if (afterValue) {
            bytes[size++] = ',';
        }
    }

    private void asciiNumber(String text) {
        int length = text.length();
        separate(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        afterValue = true;
    }

    private void raw(byte[] encodedValue) {
        separate(encodedValue.length);
        copy(encodedValue);
        afterValue = true;
    }

    private void copy(byte[] encoded) {
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
    }

    /** Kept tiny, with growing in a method of its own, because the compiler copies it into every write. */
    private void ensureRoom(int count) {
        if (count > bytes.length - size) {
            grow(count);
        }
    }

    private void grow(int count) {
        long wanted = Math.max((long) size + count, 2L * bytes.length);
        bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
