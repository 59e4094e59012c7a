package dev.tracking.outlit;

import static dev.tracking.outlit.OutlitFields.*;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.internal.json.JsonObjectWriter;
import dev.tracking.internal.json.JsonValues;
import dev.tracking.internal.json.LentBuffer;
import dev.tracking.internal.json.UuidText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * Encodes a batch as the body of Outlit's ingest request, {@code {"source":"server","events":[…]}}, streaming
 * with Jackson. Every event carries {@code uuid}, {@code type}, {@code timestamp} (epoch millis), {@code url}
 * ({@code server://<first identity>}) and {@code path} ({@code /}); absent optional fields are omitted.
 * Used by one sender thread: it reuses its buffer.
 */
final class OutlitEncoder {

    private static final String URL_PREFIX = "server://";
    private static final List<String> STAGE_IDENTITY_KEYS = List.of("__email", "__userId", "__fingerprint");

    private final boolean lifecycleEventsAsCustom;
    private final LentBuffer buffer = new LentBuffer(32 * 1024);
    private final JsonObjectWriter objects = new JsonObjectWriter();
    private final byte[] uuidText = new byte[UuidText.LENGTH];
    private char[] urlText = new char[128];

    OutlitEncoder(boolean lifecycleEventsAsCustom) {
        this.lifecycleEventsAsCustom = lifecycleEventsAsCustom;
    }

    /**
     * Encodes the request body for {@code batch} into {@link #bytes()} and returns its length; the bytes stay
     * valid until the next call.
     */
    int encode(List<Message> batch) {
        buffer.reset();
        try (JsonGenerator json = JsonValues.generator(buffer)) {
            json.writeStartObject();
            json.writeName(SOURCE);
            json.writeString(SERVER);
            json.writeName(EVENTS);
            json.writeStartArray();
            for (Message message : batch) {
                writeEvent(json, message);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return buffer.size();
    }

    /** The buffer the last {@link #encode} wrote into. */
    byte[] bytes() {
        return buffer.array();
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

    private void writeCustom(JsonGenerator json, Message message, String eventName, Map<String, Object> properties) {
        Identity who = message.identity();
        writeCommon(json, message, CUSTOM, first(who.email(), who.userId(), who.customerId(), who.fingerprint()));
        writeText(json, EVENT_NAME, eventName);
        writeIdentityFields(json, who);
        writeMap(json, PROPERTIES, properties);
    }

    private void writeIdentify(JsonGenerator json, IdentifyMessage identify) {
        Identity who = identify.identity();
        writeCommon(json, identify, IDENTIFY, first(who.email(), who.userId(), null, null));
        writeIdentityFields(json, who);
        writeMap(json, TRAITS, identify.traits());
        writeMap(json, CUSTOMER_TRAITS, identify.customerTraits());
    }

    private void writeStage(JsonGenerator json, ActivationMessage activation) {
        Identity who = activation.identity();
        writeCommon(json, activation, STAGE_TYPE, first(who.email(), who.userId(), who.fingerprint(), null));
        writeText(json, STAGE, activation.stage().wireName());
        json.writeName(PROPERTIES);
        json.writeStartObject();
        Map<String, Object> properties = activation.properties();
        if (hasStageIdentityKey(properties)) {
            properties = new LinkedHashMap<>(properties);
            properties.keySet().removeAll(STAGE_IDENTITY_KEYS);
        }
        objects.writeEntries(json, properties);
        writeNullable(json, "__email", who.email());
        writeNullable(json, "__userId", who.userId());
        writeNullable(json, "__fingerprint", who.fingerprint());
        json.writeEndObject();
    }

    private static boolean hasStageIdentityKey(Map<String, Object> properties) {
        for (String key : STAGE_IDENTITY_KEYS) {
            if (properties.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private void writeBilling(JsonGenerator json, BillingStatusMessage billing) {
        writeCommon(json, billing, BILLING, billing.customerId());
        writeText(json, STATUS, billing.status().wireName());
        writeText(json, CUSTOMER_ID, billing.customerId());
        writeMap(json, PROPERTIES, billing.properties());
    }

    private void writeCommon(JsonGenerator json, Message message, SerializableString type, String urlIdentity) {
        json.writeName(UUID);
        UuidText.write(message.id(), uuidText, 0);
        json.writeRawUTF8String(uuidText, 0, UuidText.LENGTH);
        json.writeName(TYPE);
        json.writeString(type);
        json.writeName(TIMESTAMP);
        json.writeNumber(message.timestamp().toEpochMilli());
        json.writeName(URL);
        writeUrl(json, urlIdentity);
        json.writeName(PATH);
        json.writeString(ROOT_PATH);
    }

    private void writeUrl(JsonGenerator json, String identity) {
        int length = URL_PREFIX.length() + identity.length();
        if (urlText.length < length) {
            urlText = new char[Math.max(length, urlText.length * 2)];
        }
        URL_PREFIX.getChars(0, URL_PREFIX.length(), urlText, 0);
        identity.getChars(0, identity.length(), urlText, URL_PREFIX.length());
        json.writeString(urlText, 0, length);
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

    private void writeMap(JsonGenerator json, SerializableString name, Map<String, Object> map) {
        if (!map.isEmpty()) {
            json.writeName(name);
            objects.writeObject(json, map);
        }
    }

    private static String first(String a, String b, String c, String d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
