package dev.tracking.spring.aop;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.util.ReflectionUtils;

/**
 * Turns what an annotation's property expression yields into a value an event can carry: {@code null} and an
 * empty {@code Optional} mean "no such property", an {@code Optional} is unwrapped, maps, collections and arrays
 * are converted element by element, and any other object (a record, a POJO) becomes a JSON object through the
 * application's Jackson mapper (records convert without Jackson too).
 */
public final class EventPropertyValues {

    private static final int MAX_DEPTH = 16;

    /** A property value that cannot become JSON; counted with reason {@code invalid_property}. */
    static final class Unconvertible extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Unconvertible(String message) {
            super(message);
        }

        Unconvertible(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Function<Object, Map<String, Object>> objects;

    /**
     * @param objects converts an object to its JSON object form (e.g. {@code jsonMapper.convertValue(value,
     *     Map.class)}), or {@code null} when there is no Jackson: records are then converted component by component
     *     and other objects are refused
     */
    public EventPropertyValues(Function<Object, Map<String, Object>> objects) {
        this.objects = objects;
    }

    /**
     * The value to send for property {@code name}, or {@code null} when the property is to be omitted.
     *
     * @throws IllegalArgumentException naming the property when the value cannot be converted
     */
    public Object convert(String name, Object value) {
        return convert(name, value, 0);
    }

    private Object convert(String path, Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof UUID
                || value instanceof TemporalAccessor || value instanceof Date || value instanceof CharSequence) {
            return value instanceof CharSequence chars && !(value instanceof String) ? chars.toString() : value;
        }
        if (depth > MAX_DEPTH) {
            throw new Unconvertible("property " + path + " is nested more than " + MAX_DEPTH + " deep");
        }
        if (value instanceof Optional<?> optional) {
            return convert(path, optional.orElse(null), depth + 1);
        }
        if (value instanceof OptionalInt optional) {
            return optional.isPresent() ? optional.getAsInt() : null;
        }
        if (value instanceof OptionalLong optional) {
            return optional.isPresent() ? optional.getAsLong() : null;
        }
        if (value instanceof OptionalDouble optional) {
            return optional.isPresent() ? optional.getAsDouble() : null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                String name = String.valueOf(key);
                Object element = convert(path + "." + name, item, depth + 1);
                if (element != null) {
                    converted.put(name, element);
                }
            });
            return converted;
        }
        if (value instanceof Collection<?> items) {
            List<Object> converted = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                converted.add(convert(path + "[" + i++ + "]", item, depth + 1));
            }
            return converted;
        }
        if (value.getClass().isArray()) {
            if (value.getClass().getComponentType().isPrimitive()) {
                return value;
            }
            List<Object> converted = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                converted.add(convert(path + "[" + i + "]", Array.get(value, i), depth + 1));
            }
            return converted;
        }
        return object(path, value, depth);
    }

    private Object object(String path, Object value, int depth) {
        if (objects != null) {
            try {
                return objects.apply(value);
            }
            catch (RuntimeException ex) {
                throw new Unconvertible("property " + path + " (a " + value.getClass().getName()
                        + ") cannot be converted to JSON: " + ex.getMessage(), ex);
            }
        }
        if (value instanceof Record) {
            Map<String, Object> converted = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                ReflectionUtils.makeAccessible(component.getAccessor());
                Object item = ReflectionUtils.invokeMethod(component.getAccessor(), value);
                Object element = convert(path + "." + component.getName(), item, depth + 1);
                if (element != null) {
                    converted.put(component.getName(), element);
                }
            }
            return converted;
        }
        throw new Unconvertible("property " + path + " is a " + value.getClass().getName()
                + ", which needs Jackson (tools.jackson) on the class path to become a JSON object");
    }
}
