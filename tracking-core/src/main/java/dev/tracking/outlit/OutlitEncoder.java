package dev.tracking.outlit;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.internal.json.JsonValues;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Encodes a batch as the body of Outlit's ingest request, {@code {"source":"server","events":[…]}}, streaming
 * with Jackson. Every event carries {@code uuid}, {@code type}, {@code timestamp} (epoch millis), {@code url}
 * ({@code server://<first identity>}) and {@code path} ({@code /}); absent optional fields are omitted.
 * Used by one sender thread: it reuses its buffer.
 */
final class OutlitEncoder {

    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString EVENTS = new SerializedString("events");
    private static final SerializableString UUID = new SerializedString("uuid");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString URL = new SerializedString("url");
    private static final SerializableString PATH = new SerializedString("path");
    private static final SerializableString EVENT_NAME = new SerializedString("eventName");
    private static final SerializableString EMAIL = new SerializedString("email");
    private static final SerializableString USER_ID = new SerializedString("userId");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString CUSTOMER_ID = new SerializedString("customerId");
    private static final SerializableString PROPERTIES = new SerializedString("properties");
    private static final SerializableString TRAITS = new SerializedString("traits");
    private static final SerializableString CUSTOMER_TRAITS = new SerializedString("customerTraits");
    private static final SerializableString STAGE = new SerializedString("stage");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final List<String> STAGE_IDENTITY_KEYS = List.of("__email", "__userId", "__fingerprint");

    private final boolean lifecycleEventsAsCustom;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);

    OutlitEncoder(boolean lifecycleEventsAsCustom) {
        this.lifecycleEventsAsCustom = lifecycleEventsAsCustom;
    }

    /** The request body for {@code batch}. */
    byte[] encode(List<Message> batch) {
        buffer.reset();
        try (JsonGenerator json = JsonValues.generator(buffer)) {
            json.writeStartObject();
            json.writeName(SOURCE);
            json.writeString("server");
            json.writeName(EVENTS);
            json.writeStartArray();
            for (Message message : batch) {
                writeEvent(json, message);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return buffer.toByteArray();
    }

    private void writeEvent(JsonGenerator json, Message message) {
        json.writeStartObject();
        if (message instanceof TrackMessage track) {
            writeCustom(json, track, track.eventName(), track.properties());
        } else if (message instanceof IdentifyMessage identify) {
            writeIdentify(json, identify);
        } else if (message instanceof ActivationMessage activation) {
            if (lifecycleEventsAsCustom) {
                writeCustom(json, activation, "user_" + activation.stage().wireName(), activation.properties());
            } else {
                writeStage(json, activation);
            }
        } else if (message instanceof BillingStatusMessage billing) {
            if (lifecycleEventsAsCustom) {
                writeCustom(json, billing, "customer_" + billing.status().wireName(), billing.properties());
            } else {
                writeBilling(json, billing);
            }
        }
        json.writeEndObject();
    }

    private static void writeCustom(JsonGenerator json, Message message, String eventName, Map<String, Object> properties) {
        Identity who = message.identity();
        writeCommon(json, message, "custom", first(who.email(), who.userId(), who.customerId(), who.fingerprint()));
        writeText(json, EVENT_NAME, eventName);
        writeIdentityFields(json, who);
        writeMap(json, PROPERTIES, properties);
    }

    private static void writeIdentify(JsonGenerator json, IdentifyMessage identify) {
        Identity who = identify.identity();
        writeCommon(json, identify, "identify", first(who.email(), who.userId(), null, null));
        writeIdentityFields(json, who);
        writeMap(json, TRAITS, identify.traits());
        writeMap(json, CUSTOMER_TRAITS, identify.customerTraits());
    }

    private static void writeStage(JsonGenerator json, ActivationMessage activation) {
        Identity who = activation.identity();
        writeCommon(json, activation, "stage", first(who.email(), who.userId(), who.fingerprint(), null));
        writeText(json, STAGE, activation.stage().wireName());
        json.writeName(PROPERTIES);
        json.writeStartObject();
        for (Map.Entry<String, Object> entry : activation.properties().entrySet()) {
            if (!STAGE_IDENTITY_KEYS.contains(entry.getKey())) {
                json.writeName(entry.getKey());
                JsonValues.writeValue(json, entry.getValue());
            }
        }
        writeNullable(json, "__email", who.email());
        writeNullable(json, "__userId", who.userId());
        writeNullable(json, "__fingerprint", who.fingerprint());
        json.writeEndObject();
    }

    private static void writeBilling(JsonGenerator json, BillingStatusMessage billing) {
        writeCommon(json, billing, "billing", billing.customerId());
        writeText(json, STATUS, billing.status().wireName());
        writeText(json, CUSTOMER_ID, billing.customerId());
        writeMap(json, PROPERTIES, billing.properties());
    }

    private static void writeCommon(JsonGenerator json, Message message, String type, String urlIdentity) {
        json.writeName(UUID);
        json.writeString(message.id().toString());
        json.writeName(TYPE);
        json.writeString(type);
        json.writeName(TIMESTAMP);
        json.writeNumber(message.timestamp().toEpochMilli());
        json.writeName(URL);
        json.writeString("server://" + urlIdentity);
        json.writeName(PATH);
        json.writeString("/");
    }

    private static void writeIdentityFields(JsonGenerator json, Identity who) {
        writeText(json, EMAIL, who.email());
        writeText(json, USER_ID, who.userId());
        writeText(json, FINGERPRINT, who.fingerprint());
        writeText(json, CUSTOMER_ID, who.customerId());
    }

    private static void writeText(JsonGenerator json, SerializableString name, String value) {
        if (value != null) {
            json.writeName(name);
            json.writeString(value);
        }
    }

    private static void writeNullable(JsonGenerator json, String name, String value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    private static void writeMap(JsonGenerator json, SerializableString name, Map<String, Object> map) {
        if (!map.isEmpty()) {
            json.writeName(name);
            JsonValues.writeObject(json, map);
        }
    }

    private static String first(String a, String b, String c, String d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
