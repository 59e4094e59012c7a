package dev.tracking.internal.json;

import java.io.OutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams property values to a Jackson {@link JsonGenerator} without data binding: strings, numbers,
 * booleans, characters, enums (by name), UUIDs, dates and times (ISO-8601 text), byte arrays (Base64), other
 * arrays, collections and maps (keys as text) — the value types {@code PropertyValues} accepts.
 */
public final class JsonValues {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonValues() {
    }

    /** A UTF-8 generator writing to {@code out}. */
    public static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    /** Writes {@code map} as a JSON object. */
    public static void writeObject(JsonGenerator json, Map<?, ?> map) {
        json.writeStartObject();
        writeEntries(json, map);
        json.writeEndObject();
    }

    /** Writes the entries of {@code map} as properties of the object being written. */
    public static void writeEntries(JsonGenerator json, Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            json.writeName(String.valueOf(entry.getKey()));
            writeValue(json, entry.getValue());
        }
    }

    /** Writes one value. */
    public static void writeValue(JsonGenerator json, Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Number number) {
            writeNumber(json, number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(json, map);
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof ZonedDateTime time) {
            json.writeString(time.toOffsetDateTime().toString());
        } else if (value instanceof Date date) {
            json.writeString(date.toInstant().toString());
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else if (value.getClass().isArray()) {
            writeArray(json, value);
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeNumber(JsonGenerator json, Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            json.writeNumber(number.longValue());
        } else if (number instanceof Double || number instanceof Float) {
            json.writeNumber(number.doubleValue());
        } else if (number instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (number instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else {
            json.writeNumber(number.doubleValue());
        }
    }

    private static void writeArray(JsonGenerator json, Object array) {
        json.writeStartArray();
        int length = Array.getLength(array);
        for (int i = 0; i < length; i++) {
            writeValue(json, Array.get(array, i));
        }
        json.writeEndArray();
    }
}
