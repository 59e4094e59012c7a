package dev.tracking.value;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * Takes the snapshot of a message's properties at the call: checks every key and value and copies what the caller
 * could still change, so that what is sent later is exactly what was passed, and cannot fail to encode.
 *
 * <p>The snapshot's values are of the closed set of immutable kinds {@link PropertyKind} names, the only ones the
 * encoders meet: {@code null}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link Short},
 * {@link Byte}, finite {@link Double} and {@link Float}, {@link BigDecimal}, {@link BigInteger},
 * {@link Character}, enums, {@link java.util.UUID}, {@code java.time} values, and the containers
 * {@link PropertyMap} and {@link PropertyList}, which know their encoded size. Immutable values are shared, not
 * copied. Other values are converted at the call: a {@code CharSequence} to its text, a {@link Date} to its
 * {@code Instant}, a counter such as {@code AtomicLong} to its value, a subclass of {@code BigDecimal} or
 * {@code BigInteger} to the class itself, a {@code byte[]} to Base64 text, other arrays and collections to a
 * {@link PropertyList}, maps to a {@link PropertyMap}. Anything else is refused with an
 * {@link IllegalArgumentException} naming the field: other types, non-finite numbers, keys that are not strings,
 * cycles, and nesting deeper than {@value #MAX_DEPTH}.
 */
public final class PropertyValues {

    static final int MAX_DEPTH = 16;
    /** A bound on what one value may take encoded, so that a huge or endless collection is refused while copying. */
    private static final long MAX_COPY_BYTES = 64L * 1024 * 1024;

    private PropertyValues() {
    }

    /**
     * The checked, immutable snapshot of {@code properties} (a snapshot already is one, and is returned as it is).
     *
     * @param field the name used in the error message, e.g. {@code "properties"}
     * @throws IllegalArgumentException naming {@code field.key} when a key or value cannot be sent
     */
    public static PropertyMap copyOf(String field, Map<String, ?> properties) {
        if (properties == null || properties.isEmpty()) {
            return PropertyMap.EMPTY;
        }
        if (properties instanceof PropertyMap compact && compact.isSnapshot()) {
            return compact;
        }
        try {
            return topLevel(properties);
        } catch (Refusal refusal) {
            throw new IllegalArgumentException(field + refusal.path + " " + refusal.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " could not be copied: " + e, e);
        }
    }

    private static PropertyMap topLevel(Map<String, ?> properties) {
        if (properties instanceof PropertyMap compact) {
            Object[] entries = compact.entries();
            Object[] copy = null;
            long bytes = 2;
            for (int i = 0; i < compact.size(); i++) {
                String key = topLevelKey(entries[2 * i]);
                Object value = entries[2 * i + 1];
                Object snapshot = snapshotIn(key, value, 1, null);
                if (snapshot != value) {
                    copy = copy == null ? entries.clone() : copy;
                    copy[2 * i + 1] = snapshot;
                }
                bytes += JsonText.stringBytes(key) + 2 + bytes(snapshot);
            }
            if (copy == null) {
                compact.markSnapshot(bytes);
                return compact;
            }
            return new PropertyMap(copy, compact.size(), bytes);
        }
        Object[] entries = new Object[2 * properties.size()];
        int i = 0;
        long bytes = 2;
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            String key = topLevelKey(entry.getKey());
            Object snapshot = snapshotIn(key, entry.getValue(), 1, null);
            entries[i++] = key;
            entries[i++] = snapshot;
            bytes += JsonText.stringBytes(key) + 2 + bytes(snapshot);
        }
        return new PropertyMap(entries, i / 2, bytes);
    }

    private static String topLevelKey(Object key) {
        if (key instanceof String name && !name.isBlank()) {
            return name;
        }
        throw new Refusal("has a blank or non-string key: " + key, "");
    }

    private static Object snapshotIn(String key, Object value, int depth, Object[] containers) {
        try {
            return snapshot(value, depth, containers);
        } catch (Refusal refusal) {
            throw refusal.within("." + key);
        }
    }

    /** The immutable snapshot of {@code value}, found at nesting {@code depth} inside {@code containers}. */
    private static Object snapshot(Object value, int depth, Object[] containers) {
        if (value == null) {
            return null;
        }
        PropertyKind kind = PropertyKind.ofClass(value.getClass());
        if (kind == null) {
            return converted(value, depth, containers);
        }
        return switch (kind) {
            case NULL, STRING, BOOLEAN, WHOLE_NUMBER, BIG_DECIMAL, BIG_INTEGER, CHARACTER, ENUM, UUID, TIME -> value;
            case DOUBLE -> finite((Double) value);
            case FLOAT -> finite((Float) value);
            // a snapshot passed as a value is copied again: its depth counts from where it is now
            case MAP, LIST -> container(value, depth, containers);
        };
    }

    /** The snapshot of a value that is none of the kinds: converted, or refused. */
    private static Object converted(Object value, int depth, Object[] containers) {
        if (value instanceof Number number) {
            return otherNumber(number);
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Date date) {
            try {
                return date.toInstant();
            } catch (UnsupportedOperationException e) {
                throw new Refusal("cannot be sent: a " + value.getClass().getName() + " has no instant (pass a "
                        + "java.time value such as LocalDate or LocalTime)");
            }
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
            return container(value, depth, containers);
        }
        throw unsupported(value);
    }

    private static Object container(Object value, int depth, Object[] containers) {
        if (depth > MAX_DEPTH) {
            throw new Refusal("is nested too deeply to be sent (more than " + MAX_DEPTH + " levels)");
        }
        Object[] path = containers == null ? new Object[MAX_DEPTH + 1] : containers;
        for (int i = 0; i < depth - 1; i++) {
            if (path[i] == value) {
                throw new Refusal("contains itself (a cycle)");
            }
        }
        path[depth - 1] = value;
        if (value instanceof Map<?, ?> map) {
            return map(map, depth, path);
        }
        if (value instanceof Collection<?> || value instanceof Iterable<?>) {
            return list(((Iterable<?>) value), depth, path);
        }
        return array(value, depth, path);
    }

    private static PropertyMap map(Map<?, ?> map, int depth, Object[] path) {
        Object[] entries = new Object[2 * map.size()];
        int i = 0;
        long bytes = 2;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new Refusal("has a non-string key: " + entry.getKey());
            }
            if (i == entries.length) {
                throw new Refusal("changed while it was copied");
            }
            Object snapshot = snapshotIn(key, entry.getValue(), depth + 1, path);
            entries[i++] = key;
            entries[i++] = snapshot;
            bytes += JsonText.stringBytes(key) + 2 + bytes(snapshot);
        }
        return new PropertyMap(i == entries.length ? entries : java.util.Arrays.copyOf(entries, i), i / 2, bytes);
    }

    private static PropertyList list(Iterable<?> items, int depth, Object[] path) {
        java.util.ArrayList<Object> copy = items instanceof Collection<?> collection
                ? new java.util.ArrayList<>(collection.size()) : new java.util.ArrayList<>();
        long bytes = 2;
        for (Object item : items) {
            Object snapshot = item(item, copy.size(), depth, path);
            copy.add(snapshot);
            bytes += bytes(snapshot) + 1;
            if (bytes > MAX_COPY_BYTES) {
                throw new Refusal("is too large to be sent");
            }
        }
        return new PropertyList(copy.toArray(), bytes);
    }

    private static PropertyList array(Object array, int depth, Object[] path) {
        int length = Array.getLength(array);
        Object[] copy = new Object[length];
        long bytes = 2;
        for (int i = 0; i < length; i++) {
            copy[i] = item(Array.get(array, i), i, depth, path);
            bytes += bytes(copy[i]) + 1;
        }
        return new PropertyList(copy, bytes);
    }

    private static Object item(Object item, int index, int depth, Object[] path) {
        try {
            return snapshot(item, depth + 1, path);
        } catch (Refusal refusal) {
            throw refusal.within("[" + index + "]");
        }
    }

    private static Double finite(Double number) {
        if (!Double.isFinite(number)) {
            throw new Refusal("is not a finite number: " + number);
        }
        return number;
    }

    private static Float finite(Float number) {
        if (!Float.isFinite(number)) {
            throw new Refusal("is not a finite number: " + number);
        }
        return number;
    }

    private static long bytes(Object snapshot) {
        PropertyKind kind = snapshot == null ? PropertyKind.NULL : PropertyKind.ofClass(snapshot.getClass());
        return kind.encodedBytes(snapshot);
    }

    private static Number otherNumber(Number number) {
        Class<?> type = number.getClass();
        if (number instanceof BigDecimal decimal) {
            return new BigDecimal(decimal.toString());
        }
        if (number instanceof BigInteger integer) {
            return new BigInteger(integer.toString());
        }
        if (type.getName().startsWith("java.util.concurrent.atomic.")
                && !(type.getSimpleName().startsWith("Double"))) {
            return number.longValue();
        }
        return finite(number.doubleValue());
    }

    private static Refusal unsupported(Object value) {
        return new Refusal("cannot be serialized: values of type " + value.getClass().getName()
                + " are not supported (use strings, numbers, booleans, dates and times, maps or lists)");
    }

    /** Why a value is refused, with the path to it, built as the refusal travels up; no stack trace. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private String path;

        Refusal(String problem) {
            this(problem, "");
        }

        Refusal(String problem, String path) {
            super(problem, null, false, false);
            this.path = path;
        }

        Refusal within(String step) {
            path = step + path;
            return this;
        }
    }
}
