package dev.tracking.value;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects a message builder's properties in insertion order (a later value for a name replaces the earlier
 * one and keeps its place) and hands them to the message as a checked snapshot without copying: after
 * {@link #snapshot(String)} the array is shared with the snapshot, and the next change copies it first. Beyond 16
 * entries it switches to a {@code LinkedHashMap}, which the snapshot copies. Not thread-safe, like the builders
 * that use it.
 */
public final class PropertyBuffer {

    private static final int INITIAL_CAPACITY = 4;

    /** An empty buffer. */
    public PropertyBuffer() {
    }

    /** Keys at even indexes, each followed by its value. */
    private Object[] entries;
    private int size;
    private boolean shared;
    private Map<String, Object> large;

    /** Sets property {@code name}. */
    public void put(String name, Object value) {
        if (large != null) {
            large.put(name, value);
            return;
        }
        for (int i = 0; i < 2 * size; i += 2) {
            if (Objects.equals(entries[i], name)) {
                unshare();
                entries[i + 1] = value;
                return;
            }
        }
        if (size == PropertyMap.MAX_SIZE) {
            large = new LinkedHashMap<>(new PropertyMap(entries, size));
            large.put(name, value);
            return;
        }
        ensureRoom();
        entries[2 * size] = name;
        entries[2 * size + 1] = value;
        size++;
    }

    /** Sets every property of {@code properties} (nothing when {@code null}). */
    public void putAll(Map<String, ?> properties) {
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            Object name = entry.getKey();
            if (name != null && !(name instanceof String)) {
                throw new IllegalArgumentException("properties has a non-string key: " + name);
            }
            put((String) name, entry.getValue());
        }
    }

    /**
     * The properties so far as a checked, immutable snapshot (see {@link PropertyValues#copyOf}).
     *
     * @param field the name used in the error message, e.g. {@code "properties"}
     * @throws IllegalArgumentException naming {@code field.key} when a key or value cannot be sent
     */
    public PropertyMap snapshot(String field) {
        if (large != null) {
            return PropertyValues.copyOf(field, large);
        }
        if (size == 0) {
            return PropertyMap.EMPTY;
        }
        shared = true;
        return PropertyValues.copyOf(field, new PropertyMap(entries, size));
    }

    private void ensureRoom() {
        if (entries == null) {
            entries = new Object[2 * INITIAL_CAPACITY];
        } else if (2 * size == entries.length) {
            entries = Arrays.copyOf(entries, 2 * Math.min(PropertyMap.MAX_SIZE, size * 2));
            shared = false;
        } else {
            unshare();
        }
    }

    private void unshare() {
        if (shared) {
            entries = entries.clone();
            shared = false;
        }
    }
}
