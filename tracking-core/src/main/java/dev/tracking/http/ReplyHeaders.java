package dev.tracking.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header fields of a received response, in the order they came, looked up by name ignoring case; a name
 * may have several values. {@link #toString()} lists the names only.
 */
public final class ReplyHeaders {

    private static final ReplyHeaders NONE = new ReplyHeaders(new String[0], 0);

    private final String[] fields;
    private final int size;

    private ReplyHeaders(String[] fields, int size) {
        this.fields = fields;
        this.size = size;
    }

    /** Headers from alternating names and values. */
    public static ReplyHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must be name/value pairs");
        }
        return namesAndValues.length == 0 ? NONE : new ReplyHeaders(namesAndValues.clone(), namesAndValues.length);
    }

    /** The first value of header {@code name}, or {@code null}. */
    public String firstValue(String name) {
        for (int i = 0; i < size; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Every value of header {@code name}, in order; empty when there is none. */
    public List<String> allValues(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < size; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        StringBuilder names = new StringBuilder("ReplyHeaders[");
        for (int i = 0; i < size; i += 2) {
            names.append(i == 0 ? "" : ", ").append(fields[i]);
        }
        return names.append(']').toString();
    }

    /** Collects the fields of one response as they are read; {@link #build()} hands its array over. */
    static final class Builder {

        private String[] fields = new String[16];
        private int size;

        void add(String name, String value) {
            if (size == fields.length) {
                fields = Arrays.copyOf(fields, size * 2);
            }
            fields[size++] = name;
            fields[size++] = value;
        }

        /** Appends {@code continuation} to the value of the last field; {@code false} when there is none. */
        boolean continueLast(String continuation) {
            if (size == 0) {
                return false;
            }
            fields[size - 1] = fields[size - 1] + " " + continuation;
            return true;
        }

        int lineCount() {
            return size / 2;
        }

        ReplyHeaders build() {
            return size == 0 ? NONE : new ReplyHeaders(fields, size);
        }
    }
}
