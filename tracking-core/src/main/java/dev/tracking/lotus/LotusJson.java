package dev.tracking.lotus;

import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON that Lotus answers (snake_case) with Jackson, and maps its customers and subscriptions; request
 * bodies are written by {@link LotusEncoder}.
 */
final class LotusJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LotusJson() {
    }

    /** The parsed body, or {@code null} when it is not JSON. */
    static JsonNode parseOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The text of {@code field}, or {@code null} when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    /** The number in {@code field}, or {@code null} when absent or null. */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }

    /** A Lotus date-time: RFC 3339, or {@code yyyy-mm-dd HH:mm:ss} (UTC unless an offset follows), or a date. */
    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException unknown) {
                    return null;
                }
            }
        }
    }

    /** A {@code Customer} answer as a {@link Customer}; Lotus returns no properties, so they are {@code sent}. */
    static Customer customer(JsonNode node, Map<String, Object> sent) {
        return new Customer(text(node, "customer_id"), text(node, "customer_name"), text(node, "email"),
                sent == null ? Map.of() : sent);
    }

    /**
     * A {@code SubscriptionRecord} as a {@link Subscription}. Lotus sends no status, so it follows from the dates:
     * {@code not_started} before the start, {@code ended} after the end, else {@code active}. The plan id is in
     * its normal form, {@code plan_<hex>} ({@link LotusIds#planId}).
     */
    static Subscription subscription(JsonNode node, Instant now) {
        Instant start = instant(node, "start_date");
        Instant end = instant(node, "end_date");
        String status = start != null && now.isBefore(start) ? "not_started"
                : end != null && !now.isBefore(end) ? "ended" : "active";
        JsonNode autoRenew = node.get("auto_renew");
        return new Subscription(text(node, "subscription_id"), text(node.get("customer"), "customer_id"),
                LotusIds.planIdOrSelf(text(node.get("billing_plan"), "plan_id")), start, end, status,
                autoRenew == null || autoRenew.isNull() || autoRenew.asBoolean());
    }
}
