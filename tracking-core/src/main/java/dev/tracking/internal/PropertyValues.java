package dev.tracking.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and copies property maps: string keys, and values the JSON encoder can write
 * (strings, numbers, booleans, enums, UUIDs, dates and times, and maps, collections or arrays of those).
 *
 * <p>A cheap walk instead of a trial serialization, so that the caller's thread does no encoding. The walk
 * allocates nothing for valid properties; error messages, with the path of the bad value, are built only on
 * failure.
 */
public final class PropertyValues {

    private static final int MAX_DEPTH = 16;

    private PropertyValues() {
    }

    /**
     * An unmodifiable, order-preserving copy of {@code properties} after checking every value (a
     * {@link PropertyMap} is already unmodifiable and is returned as it is once checked).
     *
     * @param field the name used in the error message, e.g. {@code "properties"}
     * @throws IllegalArgumentException naming {@code field.key} when a key or value cannot be sent
     */
    public static Map<String, Object> copyOf(String field, Map<String, ?> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        if (properties instanceof PropertyMap compact) {
            for (int i = 0; i < compact.size(); i++) {
                if (!validKey(compact.keyAt(i)) || !valid(compact.valueAt(i), 1)) {
                    throw explain(field, properties);
                }
            }
            return compact;
        }
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            if (!validKey(entry.getKey()) || !valid(entry.getValue(), 1)) {
                throw explain(field, properties);
            }
        }
        if (properties.size() <= PropertyMap.MAX_SIZE) {
            return PropertyMap.copyOf(properties);
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    private static boolean validKey(Object key) {
        return key instanceof String name && !name.isBlank();
    }

    private static boolean valid(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long) {
            return true;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        if (value instanceof Number || value instanceof CharSequence || value instanceof Character
                || value instanceof Enum<?> || value instanceof java.util.UUID
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !valid(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                if (!valid(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Object[] items) {
            for (Object item : items) {
                if (!valid(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return value.getClass().isArray();
    }

    private static IllegalArgumentException explain(String field, Map<String, ?> properties) {
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            Object key = entry.getKey();
            if (!validKey(key)) {
                return new IllegalArgumentException(field + " has a blank or non-string key: " + key);
            }
            String problem = problem(field + "." + key, entry.getValue(), 1);
            if (problem != null) {
                return new IllegalArgumentException(problem);
            }
        }
        return new IllegalArgumentException(field + " cannot be serialized");
    }

    private static String problem(String path, Object value, int depth) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return path + " is not a finite number: " + value;
        }
        if (valid(value, depth)) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return path + " is nested too deeply to be sent";
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return path + " has a non-string key: " + entry.getKey();
                }
                String inner = problem(path + "." + key, entry.getValue(), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        if (value instanceof Iterable<?> || value instanceof Object[]) {
            Iterable<?> items = value instanceof Object[] array ? java.util.Arrays.asList(array) : (Iterable<?>) value;
            int i = 0;
            for (Object item : items) {
                String inner = problem(path + "[" + i++ + "]", item, depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return path + " cannot be serialized: values of type " + value.getClass().getName()
                + " are not supported (use strings, numbers, booleans, maps or lists)";
    }
}
