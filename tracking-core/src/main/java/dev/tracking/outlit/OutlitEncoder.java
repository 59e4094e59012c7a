package dev.tracking.outlit;

import static dev.tracking.outlit.OutlitFields.*;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.internal.json.FieldEncodingException;
import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.internal.json.JsonString;
import dev.tracking.internal.json.JsonValueWriter;
import dev.tracking.spi.UnencodableMessageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a batch as the body of Outlit's ingest request, {@code {"source":"server","events":[…]}}, straight
 * into a {@link JsonBuffer}. Every event carries {@code uuid}, {@code type}, {@code timestamp} (epoch millis),
 * {@code url} ({@code server://<first identity>}) and {@code path} ({@code /}); absent optional fields are
 * omitted. User stages and billing statuses are {@code custom} events named {@code user_<stage>} and
 * {@code customer_<status>}, or in the legacy protocol Outlit 1.x {@code stage} and {@code billing} events; either
 * way their URL names the identity the native form did (email, userId, fingerprint; the customer id).
 * Used by one sender thread: it reuses its buffer.
 */
final class OutlitEncoder {

    private static final String URL_PREFIX = "server://";
    private static final List<String> STAGE_IDENTITY_KEYS = List.of("__email", "__userId", "__fingerprint");

    private final boolean legacy;
    private final JsonBuffer json = new JsonBuffer(32 * 1024);
    private final JsonValueWriter values = new JsonValueWriter(json);

    OutlitEncoder(OutlitProtocol protocol) {
        this.legacy = protocol == OutlitProtocol.LEGACY_V1;
    }

    /**
     * Encodes the request body for {@code batch} into {@link #bytes()} and returns its length; the bytes stay
     * valid until the next call.
     */
    int encode(List<Message> batch) {
        json.reset();
        json.startObject();
        json.name(SOURCE);
        json.string(SERVER);
        json.name(EVENTS);
        json.startArray();
        for (int i = 0; i < batch.size(); i++) {
            try {
                writeEvent(batch.get(i));
            } catch (FieldEncodingException e) {
                throw new UnencodableMessageException(i, fieldOf(batch.get(i)) + e.path(), e.getCause());
            } catch (RuntimeException | StackOverflowError e) {
                throw new UnencodableMessageException(i, null, e);
            }
        }
        json.endArray();
        json.endObject();
        return json.size();
    }

    /** The buffer the last {@link #encode} wrote into. */
    byte[] bytes() {
        return json.array();
    }

    private void writeEvent(Message message) {
        json.startObject();
        if (message instanceof TrackMessage track) {
            Identity who = track.identity();
            writeCustom(track, track.eventName(), track.properties(),
                    first(who.email(), who.userId(), who.customerId(), who.fingerprint()));
            writeMap(CUSTOMER_TRAITS, track.customerTraits());
        } else if (message instanceof IdentifyMessage identify) {
            writeIdentify(identify);
        } else if (message instanceof ActivationMessage activation) {
            if (legacy) {
                writeStage(activation);
            } else {
                Identity who = activation.identity();
                writeCustom(activation, "user_" + activation.stage().wireName(), activation.properties(),
                        first(who.email(), who.userId(), who.fingerprint(), null));
            }
        } else if (message instanceof BillingStatusMessage billing) {
            if (legacy) {
                writeBilling(billing);
            } else {
                writeCustom(billing, "customer_" + billing.status().wireName(), billing.properties(),
                        billing.customerId());
            }
        }
        json.endObject();
    }

    private void writeCustom(Message message, String eventName, Map<String, Object> properties,
            String urlIdentity) {
        writeCommon(message, CUSTOM, urlIdentity);
        writeText(EVENT_NAME, eventName);
        writeIdentityFields(message.identity());
        writeMap(PROPERTIES, properties);
    }

    /** In the order @outlit/node 3.0.0 writes them: identity, customer traits, then the user's traits. */
    private void writeIdentify(IdentifyMessage identify) {
        Identity who = identify.identity();
        writeCommon(identify, IDENTIFY, first(who.email(), who.userId(), null, null));
        writeIdentityFields(who);
        writeMap(CUSTOMER_TRAITS, identify.customerTraits());
        writeMap(TRAITS, identify.traits());
    }

    private void writeStage(ActivationMessage activation) {
        Identity who = activation.identity();
        writeCommon(activation, STAGE_TYPE, first(who.email(), who.userId(), who.fingerprint(), null));
        writeText(STAGE, activation.stage().wireName());
        json.name(PROPERTIES);
        json.startObject();
        Map<String, Object> properties = activation.properties();
        if (hasStageIdentityKey(properties)) {
            properties = new LinkedHashMap<>(properties);
            properties.keySet().removeAll(STAGE_IDENTITY_KEYS);
        }
        values.entries(properties);
        writeNullable(STAGE_EMAIL, who.email());
        writeNullable(STAGE_USER_ID, who.userId());
        writeNullable(STAGE_FINGERPRINT, who.fingerprint());
        json.endObject();
    }

    private static boolean hasStageIdentityKey(Map<String, Object> properties) {
        for (String key : STAGE_IDENTITY_KEYS) {
            if (properties.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private void writeBilling(BillingStatusMessage billing) {
        writeCommon(billing, BILLING, billing.customerId());
        writeText(STATUS, billing.status().wireName());
        writeText(CUSTOMER_ID, billing.customerId());
        writeMap(PROPERTIES, billing.properties());
    }

    private void writeCommon(Message message, JsonString type, String urlIdentity) {
        json.name(UUID);
        json.uuid(message.id());
        json.name(TYPE);
        json.string(type);
        json.name(TIMESTAMP);
        json.number(message.timestamp().toEpochMilli());
        json.name(URL);
        json.string(URL_PREFIX, OutlitUrls.identity(urlIdentity));
        json.name(PATH);
        json.string(ROOT_PATH);
    }

    private void writeIdentityFields(Identity who) {
        writeText(EMAIL, who.email());
        writeText(USER_ID, who.userId());
        writeText(FINGERPRINT, who.fingerprint());
        writeText(CUSTOMER_ID, who.customerId());
    }

    private void writeText(JsonString name, String value) {
        if (value != null) {
            json.name(name);
            json.string(value);
        }
    }

    private void writeNullable(JsonString name, String value) {
        json.name(name);
        if (value == null) {
            json.nullValue();
        } else {
            json.string(value);
        }
    }

    private void writeMap(JsonString name, Map<String, Object> map) {
        if (!map.isEmpty()) {
            json.name(name);
            values.object(map);
        }
    }

    private static String fieldOf(Message message) {
        return message instanceof IdentifyMessage ? "traits" : "properties";
    }

    private static String first(String a, String b, String c, String d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
