package dev.tracking.internal.json;

import dev.tracking.value.PropertyKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Writes the property values of a message snapshot into a {@link JsonBuffer} without data binding, one case per
 * {@link PropertyKind}: strings, numbers, booleans, characters, enums (by name), UUIDs, {@code java.time} values
 * (ISO-8601 text, a {@code ZonedDateTime} with its offset only), lists and maps. Maps are visited with
 * {@link Map#forEach}, so writing them allocates nothing per entry. A value inside a map or list that cannot be
 * written (not of a kind) throws {@link FieldEncodingException} with its path; {@link #value} given such a value
 * throws {@link IllegalArgumentException}.
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

    /**
     * Writes one value of a property snapshot.
     *
     * @throws IllegalArgumentException when {@code value} is not of a {@link PropertyKind}
     */
    public void value(Object value) {
        write(value);
    }

    private JsonValueWriter write(Object value) {
        return switch (PropertyKind.of(value)) {
            case NULL -> nullValue();
            case STRING -> text((String) value);
            case BOOLEAN -> bool((Boolean) value);
            case WHOLE_NUMBER -> wholeNumber(((Number) value).longValue());
            case DOUBLE, FLOAT -> finite(((Number) value).doubleValue());
            case BIG_DECIMAL -> bigDecimal((BigDecimal) value);
            case BIG_INTEGER -> bigInteger((BigInteger) value);
            case CHARACTER -> text(value.toString());
            case ENUM -> text(((Enum<?>) value).name());
            case UUID -> uuid((UUID) value);
            case TIME -> text(value instanceof ZonedDateTime time ? time.toOffsetDateTime().toString()
                    : value.toString());
            case MAP -> map((Map<?, ?>) value);
            case LIST -> array((List<?>) value);
        };
    }

    private JsonValueWriter nullValue() {
        json.nullValue();
        return this;
    }

    private JsonValueWriter text(String text) {
        json.string(text);
        return this;
    }

    private JsonValueWriter bool(boolean value) {
        json.bool(value);
        return this;
    }

    private JsonValueWriter wholeNumber(long value) {
        json.number(value);
        return this;
    }

    private JsonValueWriter finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        json.number(value);
        return this;
    }

    private JsonValueWriter bigDecimal(BigDecimal value) {
        json.number(value);
        return this;
    }

    private JsonValueWriter bigInteger(BigInteger value) {
        json.number(value);
        return this;
    }

    private JsonValueWriter uuid(UUID value) {
        json.uuid(value);
        return this;
    }

    private JsonValueWriter map(Map<?, ?> map) {
        object(map);
        return this;
    }

    private JsonValueWriter array(List<?> items) {
        json.startArray();
        for (int i = 0, n = items.size(); i < n; i++) {
            try {
                write(items.get(i));
            } catch (FieldEncodingException e) {
                throw e.within("[" + i + "]");
            } catch (RuntimeException | StackOverflowError e) {
                throw new FieldEncodingException("[" + i + "]", e);
            }
        }
        json.endArray();
        return this;
    }
}
