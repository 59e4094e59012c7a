package dev.tracking.lotus;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.internal.json.JsonValues;
import dev.tracking.internal.json.LentBuffer;
import dev.tracking.internal.json.UuidText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Encodes usage events as the body of {@code POST /api/track/}: {@code {"batch":[{customer_id, event_name,
 * idempotency_id, time_created, properties}]}}, streaming, on the sender thread (not thread-safe).
 *
 * <p>Lotus takes property values that are strings or numbers. Numbers are sent as numbers and strings as
 * strings; a {@code null} value is left out; booleans become {@code "true"}/{@code "false"}; instants and dates
 * become RFC 3339 text like {@code time_created}; maps, collections and arrays their JSON text; anything else
 * the text {@link JsonValues} writes for it (enums by name, UUIDs, characters and other dates and times as text,
 * byte arrays as Base64).
 */
final class LotusBatchWriter {

    private static final SerializableString BATCH = new SerializedString("batch");
    private static final SerializableString CUSTOMER_ID = new SerializedString("customer_id");
    private static final SerializableString EVENT_NAME = new SerializedString("event_name");
    private static final SerializableString IDEMPOTENCY_ID = new SerializedString("idempotency_id");
    private static final SerializableString TIME_CREATED = new SerializedString("time_created");
    private static final SerializableString PROPERTIES = new SerializedString("properties");

    private final Rfc3339 time = new Rfc3339();
    private final byte[] uuidText = new byte[UuidText.LENGTH];
    private final LentBuffer buffer = new LentBuffer(64 * 1024);
    private final PropertyWriter properties = new PropertyWriter();

    /**
     * Encodes the request body for {@code batch} into {@link #bytes()} and returns its length; the bytes stay
     * valid until the next call.
     */
    int write(List<? extends Message> batch) {
        buffer.reset();
        try (JsonGenerator json = JsonValues.generator(buffer)) {
            json.writeStartObject();
            json.writeName(BATCH);
            json.writeStartArray();
            for (Message message : batch) {
                writeEvent(json, (TrackMessage) message);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return buffer.size();
    }

    /** The buffer the last {@link #write} wrote into. */
    byte[] bytes() {
        return buffer.array();
    }

    private void writeEvent(JsonGenerator json, TrackMessage event) {
        json.writeStartObject();
        json.writeName(CUSTOMER_ID);
        json.writeString(event.identity().customerId());
        json.writeName(EVENT_NAME);
        json.writeString(event.eventName());
        json.writeName(IDEMPOTENCY_ID);
        UuidText.write(event.id(), uuidText, 0);
        json.writeRawUTF8String(uuidText, 0, UuidText.LENGTH);
        json.writeName(TIME_CREATED);
        json.writeString(time.chars(event.timestamp()), 0, 24);
        json.writeName(PROPERTIES);
        json.writeStartObject();
        properties.writeAll(json, event.properties());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes property values as Lotus takes them, visiting the map without an iterator. */
    private static final class PropertyWriter implements BiConsumer<String, Object> {
        private JsonGenerator json;

        void writeAll(JsonGenerator target, Map<String, Object> values) {
            json = target;
            values.forEach(this);
        }

        @Override
        public void accept(String name, Object value) {
            if (value == null) {
                return;
            }
            json.writeName(name);
            if (value instanceof Boolean flag) {
                json.writeString(flag.toString());
            } else if (value instanceof Instant instant) {
                json.writeString(Rfc3339.format(instant));
            } else if (value instanceof Date date) {
                json.writeString(Rfc3339.format(date.toInstant()));
            } else if (value instanceof Map<?, ?> || value instanceof Iterable<?>
                    || value.getClass().isArray() && !(value instanceof byte[])) {
                json.writeString(jsonText(value));
            } else {
                JsonValues.writeValue(json, value);
            }
        }

        private static String jsonText(Object value) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try (JsonGenerator nested = JsonValues.generator(text)) {
                JsonValues.writeValue(nested, value);
            }
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
