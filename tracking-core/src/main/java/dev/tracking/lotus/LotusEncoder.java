package dev.tracking.lotus;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.SwitchPlanOptions;
import dev.tracking.internal.json.FieldEncodingException;
import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.internal.json.JsonString;
import dev.tracking.internal.json.JsonValueWriter;
import dev.tracking.spi.UnencodableMessageException;
import dev.tracking.value.PropertyKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The Lotus wire format for every request body, written straight into a {@link JsonBuffer} (answers are read with
 * Jackson, in {@link LotusJson}).
 *
 * <p>Usage events, the body of {@code POST /api/track/}: {@code {"batch":[{customer_id, event_name,
 * idempotency_id, time_created, properties}]}}, encoded by an instance that one sender thread reuses
 * ({@link #encodeEvents}, not thread-safe). Lotus stores properties as JSON (jsonb), so they go as the JSON they
 * are, written from the message's snapshot (see {@link PropertyKind}): strings, numbers and booleans as such, maps
 * as objects, lists (collections and arrays at the call) as arrays; a {@code null} value is left out; instants (and
 * so dates) become RFC 3339 text like {@code time_created}; anything else the text {@link JsonValueWriter} writes
 * for it (enums by name, UUIDs, characters and other dates and times as text; byte arrays were turned into Base64
 * text at the call).
 *
 * <p>The client's requests (customers, subscriptions, cancelling, switching plans) are static methods returning a
 * fresh array each: their fields in the order Lotus documents them, absent optional fields left out, customer
 * properties as {@link JsonValueWriter} writes them ({@code null} values included).
 */
public final class LotusEncoder {

    private static final JsonString BATCH = JsonString.of("batch");
    private static final JsonString CUSTOMER_ID = JsonString.of("customer_id");
    private static final JsonString EVENT_NAME = JsonString.of("event_name");
    private static final JsonString IDEMPOTENCY_ID = JsonString.of("idempotency_id");
    private static final JsonString TIME_CREATED = JsonString.of("time_created");
    private static final JsonString PROPERTIES = JsonString.of("properties");
    private static final String INVOICE_NOW = "invoice_now";
    private static final String ADD_TO_NEXT_INVOICE = "add_to_next_invoice";

    private final Rfc3339 time = new Rfc3339();
    private final JsonBuffer json = new JsonBuffer(64 * 1024);
    private final PropertyWriter properties = new PropertyWriter(json, time);

    /** An encoder of event batches for one sender thread; it reuses its buffer. */
    public LotusEncoder() {
    }

    /**
     * Encodes the request body for {@code batch} (of {@link TrackMessage}s) into {@link #bytes()} and returns its
     * length; the bytes stay valid until the next call.
     *
     * @throws UnencodableMessageException naming the index (and the property) of an event that cannot be written
     */
    public int encodeEvents(List<? extends Message> batch) {
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

    /** The buffer the last {@link #encodeEvents} wrote into. */
    public byte[] bytes() {
        return json.array();
    }

    /** {@code POST /api/customers/}: {@code customer_id}, {@code email}, {@code customer_name}, {@code properties}. */
    public static byte[] customer(Customer customer) {
        JsonBuffer body = request();
        text(body, "customer_id", customer.customerId());
        text(body, "email", customer.email());
        text(body, "customer_name", customer.name());
        if (!customer.properties().isEmpty()) {
            body.name("properties");
            new JsonValueWriter(body).object(customer.properties());
        }
        return done(body);
    }

    /** {@code POST /api/subscriptions/}: the plan as Lotus's UUID, the start as RFC 3339 text. */
    public static byte[] subscription(String customerId, String planUuid, Instant startDate) {
        JsonBuffer body = request();
        text(body, "customer_id", customerId);
        text(body, "plan_id", planUuid);
        text(body, "start_date", Rfc3339.format(startDate));
        return done(body);
    }

    /** {@code POST /api/subscriptions/{id}/cancel/}: how the flat fee, the usage and the invoice are handled. */
    public static byte[] cancelNow(CancelOptions cancel) {
        JsonBuffer body = request();
        text(body, "flat_fee_behavior", cancel.flatFee().wireName());
        text(body, "usage_behavior", cancel.usage().wireName());
        text(body, "invoicing_behavior", cancel.billNow() ? INVOICE_NOW : ADD_TO_NEXT_INVOICE);
        return done(body);
    }

    /** {@code POST /api/subscriptions/{id}/update/} that stops renewal: {@code {"turn_off_auto_renew":true}}. */
    public static byte[] turnOffAutoRenew() {
        JsonBuffer body = request();
        body.name("turn_off_auto_renew");
        body.bool(true);
        return done(body);
    }

    /** {@code POST /api/subscriptions/{id}/switch_plan/}: the new plan as Lotus's UUID, invoicing and usage. */
    public static byte[] switchPlan(String planUuid, SwitchPlanOptions options) {
        JsonBuffer body = request();
        text(body, "switch_plan_id", planUuid);
        text(body, "invoicing_behavior", options.invoiceNow() ? INVOICE_NOW : ADD_TO_NEXT_INVOICE);
        text(body, "usage_behavior", options.transferUsage() ? "transfer_to_new_subscription" : "keep_separate");
        return done(body);
    }

    private static JsonBuffer request() {
        JsonBuffer body = new JsonBuffer(256);
        body.startObject();
        return body;
    }

    private static void text(JsonBuffer body, String name, String value) {
        if (value != null) {
            body.name(name);
            body.string(value);
        }
    }

    private static byte[] done(JsonBuffer body) {
        body.endObject();
        return Arrays.copyOf(body.array(), body.size());
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

    /** Writes event property values as Lotus takes them, visiting the map without an iterator. */
    private static final class PropertyWriter implements BiConsumer<String, Object> {
        private final JsonBuffer json;
        private final Rfc3339 time;
        private final JsonValueWriter values;

        PropertyWriter(JsonBuffer json, Rfc3339 time) {
            this.json = json;
            this.time = time;
            this.values = new JsonValueWriter(json);
        }

        @Override
        public void accept(String name, Object value) {
            try {
                write(name, value);
            } catch (FieldEncodingException e) {
                throw e.within("." + name);
            } catch (RuntimeException | StackOverflowError e) {
                throw FieldEncodingException.at("." + name, e);
            }
        }

        /** Writes the property, or leaves it out when it is {@code null}; returns whether it was written. */
        private boolean write(String name, Object value) {
            return switch (PropertyKind.of(value)) {
                case NULL -> false;
                case TIME -> value instanceof Instant instant ? instant(name, instant) : asJsonValue(name, value);
                case STRING, BOOLEAN, WHOLE_NUMBER, DOUBLE, FLOAT, BIG_DECIMAL, BIG_INTEGER, CHARACTER, ENUM, UUID,
                        MAP, LIST -> asJsonValue(name, value);
            };
        }

        private boolean instant(String name, Instant instant) {
            json.name(name);
            if (time.fits(instant)) {
                json.asciiString(time.ascii(instant), 0, Rfc3339.LENGTH);
            } else {
                json.string(Rfc3339.format(instant));
            }
            return true;
        }

        private boolean asJsonValue(String name, Object value) {
            json.name(name);
            values.value(value);
            return true;
        }
    }
}
