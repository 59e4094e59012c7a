package dev.tracking.lotus;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Encodes usage events as the body of {@code POST /api/track/}: {@code {"batch":[{customer_id, event_name,
 * idempotency_id, time_created, properties}]}}, streaming, on the sender thread (not thread-safe).
 *
 * <p>Lotus takes property values that are strings or numbers. Numbers are sent as numbers and strings as
 * strings; a {@code null} value is left out; booleans become {@code "true"}/{@code "false"}; instants and dates
 * become RFC 3339 text like {@code time_created}; enums their name; characters, UUIDs and other dates and times
 * their {@code toString()}; maps, collections and arrays their JSON text.
 */
final class LotusBatchWriter {

    private static final SerializableString BATCH = new SerializedString("batch");
    private static final SerializableString CUSTOMER_ID = new SerializedString("customer_id");
    private static final SerializableString EVENT_NAME = new SerializedString("event_name");
    private static final SerializableString IDEMPOTENCY_ID = new SerializedString("idempotency_id");
    private static final SerializableString TIME_CREATED = new SerializedString("time_created");
    private static final SerializableString PROPERTIES = new SerializedString("properties");

    private final Rfc3339 time = new Rfc3339();
    private int expectedSize = 8 * 1024;

    /** An encoded request body: {@code bytes[0, length)}. */
    record Body(byte[] bytes, int length) {
    }

    Body write(List<? extends Message> batch) {
        Buffer buffer = new Buffer(expectedSize);
        try (JsonGenerator json = LotusJson.MAPPER.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeName(BATCH);
            json.writeStartArray();
            for (Message message : batch) {
                writeEvent(json, (TrackMessage) message);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        expectedSize = Math.max(1024, buffer.size() + buffer.size() / 8);
        return new Body(buffer.array(), buffer.size());
    }

    private void writeEvent(JsonGenerator json, TrackMessage event) {
        json.writeStartObject();
        json.writeName(CUSTOMER_ID);
        json.writeString(event.identity().customerId());
        json.writeName(EVENT_NAME);
        json.writeString(event.eventName());
        json.writeName(IDEMPOTENCY_ID);
        json.writeString(event.id().toString());
        json.writeName(TIME_CREATED);
        json.writeString(time.chars(event.timestamp()), 0, 24);
        json.writeName(PROPERTIES);
        json.writeStartObject();
        for (Map.Entry<String, Object> property : event.properties().entrySet()) {
            if (property.getValue() != null) {
                json.writeName(property.getKey());
                writeValue(json, property.getValue());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeValue(JsonGenerator json, Object value) {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else if (value instanceof Instant instant) {
            json.writeString(Rfc3339.format(instant));
        } else if (value instanceof Date date) {
            json.writeString(Rfc3339.format(date.toInstant()));
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
            json.writeString(LotusJson.MAPPER.writeValueAsString(value));
        } else {
            json.writeString(value.toString());
        }
    }

    /** A byte buffer whose array can be handed to the HTTP client without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }
}
