package dev.tracking.internal.outbox;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.UserStage;
import dev.tracking.internal.json.JsonBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message as the outbox stores it, and back: a JSON object with its kind, id, timestamp (exact to the
 * nanosecond), identity and fields, its property values as {@link OutboxValues} keeps them. A decoded message
 * carries the original id and timestamp, and the destinations write the same request bytes for it as for the
 * message the caller passed. Thread-safe.
 */
public final class OutboxCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int FORMAT = 1;

    private OutboxCodec() {
    }

    /** The JSON text of {@code message}. */
    public static String encode(Message message) {
        JsonBuffer json = new JsonBuffer(256);
        json.startObject();
        json.name("v");
        json.number(FORMAT);
        json.name("kind");
        json.string(kind(message));
        json.name("id");
        json.uuid(message.id());
        json.name("ts");
        json.string(message.timestamp().toString());
        writeIdentity(json, message.identity());
        if (message instanceof TrackMessage track) {
            text(json, "event", track.eventName());
            map(json, "properties", track.properties());
            map(json, "customerTraits", track.customerTraits());
        } else if (message instanceof IdentifyMessage identify) {
            map(json, "traits", identify.traits());
            map(json, "customerTraits", identify.customerTraits());
        } else if (message instanceof ActivationMessage activation) {
            text(json, "stage", activation.stage().name());
            map(json, "properties", activation.properties());
        } else if (message instanceof BillingStatusMessage billing) {
            text(json, "status", billing.status().name());
            map(json, "properties", billing.properties());
        }
        json.endObject();
        return json.toString();
    }

    /**
     * The message {@code payload} holds.
     *
     * @throws IllegalArgumentException when it is not a payload this codec wrote
     */
    public static Message decode(String payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the payload is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("v").asInt() != FORMAT) {
            throw new IllegalArgumentException("the payload is not an outbox message of format " + FORMAT);
        }
        UUID id = UUID.fromString(root.path("id").asString());
        Instant at = Instant.parse(root.path("ts").asString());
        Identity who = readIdentity(root.path("identity"));
        return switch (root.path("kind").asString()) {
            case "track" -> new TrackMessage(id, at, root.path("event").asString(), who,
                    OutboxValues.readMap(root.get("properties")), OutboxValues.readMap(root.get("customerTraits")));
            case "identify" -> new IdentifyMessage(id, at, who, OutboxValues.readMap(root.get("traits")),
                    OutboxValues.readMap(root.get("customerTraits")));
            case "activation" -> new ActivationMessage(id, at, UserStage.valueOf(root.path("stage").asString()), who,
                    OutboxValues.readMap(root.get("properties")));
            case "billing" -> new BillingStatusMessage(id, at, BillingStatus.valueOf(root.path("status").asString()),
                    who, OutboxValues.readMap(root.get("properties")));
            default -> throw new IllegalArgumentException("unknown message kind " + root.path("kind").asString());
        };
    }

    private static String kind(Message message) {
        if (message instanceof TrackMessage) {
            return "track";
        }
        if (message instanceof IdentifyMessage) {
            return "identify";
        }
        return message instanceof ActivationMessage ? "activation" : "billing";
    }

    private static void writeIdentity(JsonBuffer json, Identity who) {
        json.name("identity");
        json.startObject();
        text(json, "customerId", who.customerId());
        text(json, "userId", who.userId());
        text(json, "email", who.email());
        text(json, "fingerprint", who.fingerprint());
        json.endObject();
    }

    private static Identity readIdentity(JsonNode node) {
        return new Identity(optional(node, "customerId"), optional(node, "userId"), optional(node, "email"),
                optional(node, "fingerprint"));
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void text(JsonBuffer json, String name, String value) {
        if (value != null) {
            json.name(name);
            json.string(value);
        }
    }

    private static void map(JsonBuffer json, String name, Map<String, Object> values) {
        if (!values.isEmpty()) {
            json.name(name);
            OutboxValues.writeMap(json, values);
        }
    }
}
