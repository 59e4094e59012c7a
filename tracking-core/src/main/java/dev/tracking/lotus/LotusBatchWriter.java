package dev.tracking.lotus;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.internal.json.FieldEncodingException;
import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.internal.json.JsonString;
import dev.tracking.internal.json.JsonValueWriter;
import dev.tracking.spi.UnencodableMessageException;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Encodes usage events as the body of {@code POST /api/track/}: {@code {"batch":[{customer_id, event_name,
 * idempotency_id, time_created, properties}]}}, straight into a {@link JsonBuffer}, on the sender thread (not
 * thread-safe).
 *
 * <p>Lotus stores properties as JSON (jsonb), so they go as the JSON they are, written from the message's snapshot
 * (see {@code PropertyValues}): strings, numbers and booleans as such, maps as objects, lists (collections and
 * arrays at the call) as arrays; a {@code null} value is left out; instants (and so dates) become RFC 3339 text like
 * {@code time_created}; anything else the text {@link JsonValueWriter} writes for it (enums by name, UUIDs,
 * characters and other dates and times as text; byte arrays were turned into Base64 text at the call).
 */
final class LotusBatchWriter {

    private static final JsonString BATCH = JsonString.of("batch");
    private static final JsonString CUSTOMER_ID = JsonString.of("customer_id");
    private static final JsonString EVENT_NAME = JsonString.of("event_name");
    private static final JsonString IDEMPOTENCY_ID = JsonString.of("idempotency_id");
    private static final JsonString TIME_CREATED = JsonString.of("time_created");
    private static final JsonString PROPERTIES = JsonString.of("properties");

    private final Rfc3339 time = new Rfc3339();
    private final JsonBuffer json = new JsonBuffer(64 * 1024);
    private final PropertyWriter properties = new PropertyWriter(json);

    /**
     * Encodes the request body for {@code batch} into {@link #bytes()} and returns its length; the bytes stay
     * valid until the next call.
     */
    int write(List<? extends Message> batch) {
        json.reset();
        json.startObject();
        json.name(BATCH);
        json.startArray();
        for (int i = 0; i < batch.size(); i++) {
            try {
                writeEvent((TrackMessage) batch.get(i));
            } catch (FieldEncodingException e) {
                throw new UnencodableMessageException(i, "properties" + e.path(), e.getCause());
            } catch (RuntimeException | StackOverflowError e) {
                throw new UnencodableMessageException(i, null, e);
            }
        }
        json.endArray();
        json.endObject();
        return json.size();
    }

    /** The buffer the last {@link #write} wrote into. */
    byte[] bytes() {
        return json.array();
    }

    private void writeEvent(TrackMessage event) {
        json.startObject();
        json.name(CUSTOMER_ID);
        json.string(event.identity().customerId());
        json.name(EVENT_NAME);
        json.string(event.eventName());
        json.name(IDEMPOTENCY_ID);
        json.uuid(event.id());
        json.name(TIME_CREATED);
        json.asciiString(time.ascii(event.timestamp()), 0, Rfc3339.LENGTH);
        json.name(PROPERTIES);
        json.startObject();
        event.properties().forEach(properties);
        json.endObject();
        json.endObject();
    }

    /** Writes property values as Lotus takes them, visiting the map without an iterator. */
    private static final class PropertyWriter implements BiConsumer<String, Object> {
        private final JsonBuffer json;
        private final JsonValueWriter values;

        PropertyWriter(JsonBuffer json) {
            this.json = json;
            this.values = new JsonValueWriter(json);
        }

        @Override
        public void accept(String name, Object value) {
            if (value == null) {
                return;
            }
            try {
                write(name, value);
            } catch (FieldEncodingException e) {
                throw e.within("." + name);
            } catch (RuntimeException | StackOverflowError e) {
                throw FieldEncodingException.at("." + name, e);
            }
        }

        private void write(String name, Object value) {
            json.name(name);
            if (value instanceof Instant instant) {
                json.string(Rfc3339.format(instant));
            } else {
                values.value(value);
            }
        }
    }
}
