package dev.tracking.internal.json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Writes property values into a {@link JsonBuffer} without data binding: strings, numbers, booleans, characters,
 * enums (by name), UUIDs, dates and times (ISO-8601 text), byte arrays (Base64), other arrays, collections and
 * maps (keys as text) — the value types {@code PropertyValues} accepts. Anything else is written as its
 * {@code toString()}. Maps are visited with {@link Map#forEach}, so writing them allocates nothing per entry.
 */
public final class JsonValueWriter implements BiConsumer<Object, Object> {

    private final JsonBuffer json;

    /** A writer appending to {@code json}. */
    public JsonValueWriter(JsonBuffer json) {
        this.json = json;
    }

    /** Writes {@code map} as a JSON object. */
    public void object(Map<?, ?> map) {
        json.startObject();
        entries(map);
        json.endObject();
    }

    /** Writes the entries of {@code map} as properties of the object being written. */
    public void entries(Map<?, ?> map) {
        map.forEach(this);
    }

    /** Writes one entry; called by {@link Map#forEach}. */
    @Override
    public void accept(Object key, Object value) {
        json.name(key instanceof String name ? name : String.valueOf(key));
        value(value);
    }

    /** Writes one value. */
    public void value(Object value) {
        if (value == null) {
            json.nullValue();
        } else if (value instanceof String text) {
            json.string(text);
        } else if (value instanceof Number number) {
            number(number);
        } else if (value instanceof Boolean bool) {
            json.bool(bool);
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Iterable<?> items) {
            json.startArray();
            for (Object item : items) {
                value(item);
            }
            json.endArray();
        } else if (value instanceof Enum<?> constant) {
            json.string(constant.name());
        } else if (value instanceof UUID id) {
            json.uuid(id);
        } else if (value instanceof ZonedDateTime time) {
            json.string(time.toOffsetDateTime().toString());
        } else if (value instanceof Date date) {
            json.string(date.toInstant().toString());
        } else if (value instanceof byte[] bytes) {
            json.string(Base64.getEncoder().encodeToString(bytes));
        } else if (value.getClass().isArray()) {
            array(value);
        } else {
            json.string(value.toString());
        }
    }

    private void number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            json.number(number.longValue());
        } else if (number instanceof BigDecimal decimal) {
            json.number(decimal);
        } else if (number instanceof BigInteger integer) {
            json.number(integer);
        } else {
            json.number(number.doubleValue());
        }
    }

    private void array(Object array) {
        json.startArray();
        int length = Array.getLength(array);
        for (int i = 0; i < length; i++) {
            value(Array.get(array, i));
        }
        json.endArray();
    }
}
