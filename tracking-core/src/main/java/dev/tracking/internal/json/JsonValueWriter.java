package dev.tracking.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Writes the property values of a message snapshot into a {@link JsonBuffer} without data binding: strings,
 * numbers, booleans, characters, enums (by name), UUIDs, {@code java.time} values (ISO-8601 text), lists and maps,
 * the closed set of kinds {@code PropertyValues} makes at the call. Maps are visited with {@link Map#forEach}, so
 * writing them allocates nothing per entry. A value that cannot be written throws
 * {@link FieldEncodingException} with its path.
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
        String name = String.valueOf(key);
        json.name(name);
        try {
            value(value);
        } catch (FieldEncodingException e) {
            throw e.within("." + name);
        } catch (RuntimeException | StackOverflowError e) {
            throw new FieldEncodingException("." + name, e);
        }
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
        } else if (value instanceof List<?> items) {
            array(items);
        } else if (value instanceof Enum<?> constant) {
            json.string(constant.name());
        } else if (value instanceof UUID id) {
            json.uuid(id);
        } else if (value instanceof Character character) {
            json.string(character.toString());
        } else if (value instanceof ZonedDateTime time) {
            json.string(time.toOffsetDateTime().toString());
        } else if (value instanceof TemporalAccessor time) {
            json.string(time.toString());
        } else {
            throw new IllegalArgumentException("values of type " + value.getClass().getName() + " cannot be written");
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
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
            json.number(value);
        }
    }

    private void array(List<?> items) {
        json.startArray();
        for (int i = 0, n = items.size(); i < n; i++) {
            try {
                value(items.get(i));
            } catch (FieldEncodingException e) {
                throw e.within("[" + i + "]");
            } catch (RuntimeException | StackOverflowError e) {
                throw new FieldEncodingException("[" + i + "]", e);
            }
        }
        json.endArray();
    }
}
