package dev.tracking.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and copies property maps: string keys, and values the JSON encoder can write
 * (strings, numbers, booleans, enums, UUIDs, dates and times, and maps, collections or arrays of those).
 *
 * <p>A cheap walk instead of a trial serialization, so that the caller's thread does no encoding.
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    /**
     * An unmodifiable, order-preserving copy of {@code properties} after checking every value.
     *
     * @param field the name used in the error message, e.g. {@code "properties"}
     * @throws IllegalArgumentException naming {@code field.key} when a key or value cannot be sent
     */
    public static Map<String, Object> copyOf(String field, Map<String, ?> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, properties.size() * 2));
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String name) || name.isBlank()) {
                throw new IllegalArgumentException(field + " has a blank or non-string key: " + key);
            }
            checkValue(field + "." + name, entry.getValue(), 0);
            copy.put(name, entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void checkValue(String path, Object value, int depth) {
        if (depth > 16) {
            throw new IllegalArgumentException(path + " is nested too deeply to be sent");
        }
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof java.util.UUID
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new IllegalArgumentException(path + " is not a finite number: " + value);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + " has a non-string key: " + entry.getKey());
                }
                checkValue(path + "." + key, entry.getValue(), depth + 1);
            }
            return;
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                checkValue(path + "[" + i++ + "]", item, depth + 1);
            }
            return;
        }
        if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                checkValue(path + "[" + i + "]", items[i], depth + 1);
            }
            return;
        }
        if (value.getClass().isArray()) {
            return;
        }
        throw new IllegalArgumentException(path + " cannot be serialized: values of type "
                + value.getClass().getName() + " are not supported (use strings, numbers, booleans, maps or lists)");
    }
}
