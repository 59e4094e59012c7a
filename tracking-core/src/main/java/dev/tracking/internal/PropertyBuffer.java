package dev.tracking.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects a message builder's properties in insertion order (a later value for a name replaces the earlier
 * one and keeps its place) and hands them to the message without copying: after {@link #snapshot()} the arrays
 * are shared, and the next change copies them first. Beyond {@link PropertyMap#MAX_SIZE} entries it switches to
 * a {@code LinkedHashMap}.
 */
public final class PropertyBuffer {

    private static final int INITIAL_CAPACITY = 4;

    private String[] keys;
    private Object[] values;
    private int size;
    private boolean shared;
    private Map<String, Object> large;

    /** Sets property {@code name}. */
    public void put(String name, Object value) {
        if (large != null) {
            large.put(name, value);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (Objects.equals(keys[i], name)) {
                unshare();
                values[i] = value;
                return;
            }
        }
        if (size == PropertyMap.MAX_SIZE) {
            large = new LinkedHashMap<>(snapshot());
            large.put(name, value);
            return;
        }
        ensureRoom();
        keys[size] = name;
        values[size++] = value;
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

    /** The properties so far, as a map the buffer will not change (not yet checked: see {@link PropertyValues}). */
    public Map<String, Object> snapshot() {
        if (large != null) {
            return large;
        }
        if (size == 0) {
            return Map.of();
        }
        shared = true;
        return new PropertyMap(keys, values, size);
    }

    private void ensureRoom() {
        if (keys == null) {
            keys = new String[INITIAL_CAPACITY];
            values = new Object[INITIAL_CAPACITY];
        } else if (size == keys.length) {
            keys = Arrays.copyOf(keys, Math.min(PropertyMap.MAX_SIZE, size * 2));
            values = Arrays.copyOf(values, keys.length);
            shared = false;
        } else {
            unshare();
        }
    }

    private void unshare() {
        if (shared) {
            keys = keys.clone();
            values = values.clone();
            shared = false;
        }
    }
}
