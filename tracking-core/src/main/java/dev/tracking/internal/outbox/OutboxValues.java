package dev.tracking.internal.outbox;

import dev.tracking.internal.json.JsonBuffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Property values in the outbox's JSON, kept apart so that a value read back writes the same request bytes as the
 * value the caller passed. {@code null}, booleans, strings, whole numbers up to {@code long} and maps are plain
 * JSON; every other value is an array whose first item names its kind: {@code ["L", items…]} for a list,
 * {@code ["D", "1.5"]} for a double, and so on, the value as its exact text. Enums, and dates of other calendars
 * than ISO's, come back as the text the request writers write for them ({@code name()}, {@code toString()}), and
 * every whole number as a {@code Long}.
 */
final class OutboxValues {

    private static final String LIST = "L";
    private static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry("D", Double::valueOf), Map.entry("F", Float::valueOf), Map.entry("BD", BigDecimal::new),
            Map.entry("BI", BigInteger::new), Map.entry("U", UUID::fromString), Map.entry("C", s -> s.charAt(0)),
            Map.entry("Instant", Instant::parse), Map.entry("LocalDate", LocalDate::parse),
            Map.entry("LocalTime", LocalTime::parse), Map.entry("LocalDateTime", LocalDateTime::parse),
            Map.entry("OffsetDateTime", OffsetDateTime::parse), Map.entry("OffsetTime", OffsetTime::parse),
            Map.entry("ZonedDateTime", ZonedDateTime::parse), Map.entry("Year", Year::parse),
            Map.entry("YearMonth", YearMonth::parse), Map.entry("MonthDay", MonthDay::parse),
            Map.entry("ZoneOffset", ZoneOffset::of));

    private OutboxValues() {
    }

    /** Writes {@code map}'s entries as a JSON object. */
    static void writeMap(JsonBuffer json, Map<?, ?> map) {
        json.startObject();
        map.forEach((key, value) -> {
            json.name((String) key);
            write(json, value);
        });
        json.endObject();
    }

    static void write(JsonBuffer json, Object value) {
        if (value == null) {
            json.nullValue();
        } else if (value instanceof String text) {
            json.string(text);
        } else if (value instanceof Boolean bool) {
            json.bool(bool);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.number(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(json, map);
        } else if (value instanceof List<?> items) {
            json.startArray();
            json.string(LIST);
            items.forEach(item -> write(json, item));
            json.endArray();
        } else if (value instanceof Enum<?> constant) {
            json.string(constant.name());
        } else {
            writeTagged(json, value);
        }
    }

    private static void writeTagged(JsonBuffer json, Object value) {
        String tag = value instanceof Double ? "D" : value instanceof Float ? "F" : value instanceof BigDecimal ? "BD"
                : value instanceof BigInteger ? "BI" : value instanceof UUID ? "U" : value instanceof Character ? "C"
                : value.getClass().getSimpleName();
        if (!PARSERS.containsKey(tag) || !value.getClass().getName().startsWith("java.")) {
            if (value instanceof TemporalAccessor) {
                json.string(value.toString());
                return;
            }
            throw new IllegalArgumentException("values of type " + value.getClass().getName() + " cannot be stored");
        }
        json.startArray();
        json.string(tag);
        json.string(value.toString());
        json.endArray();
    }

    /** The properties map {@code node} holds, in its order ({@code null} node: empty). */
    static Map<String, Object> readMap(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object, found " + node.getNodeType());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), read(entry.getValue()));
        }
        return map;
    }

    static Object read(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isObject()) {
            return readMap(node);
        }
        if (node.isArray() && !node.isEmpty() && node.get(0).isString()) {
            return readTagged(node);
        }
        throw new IllegalArgumentException("unexpected value " + node.getNodeType());
    }

    private static Object readTagged(JsonNode node) {
        String tag = node.get(0).stringValue();
        if (LIST.equals(tag)) {
            List<Object> items = new ArrayList<>(node.size() - 1);
            for (int i = 1; i < node.size(); i++) {
                items.add(read(node.get(i)));
            }
            return items;
        }
        Function<String, Object> parser = PARSERS.get(tag);
        if (parser == null || node.size() != 2 || !node.get(1).isString()) {
            throw new IllegalArgumentException("unknown value kind " + tag);
        }
        return parser.apply(node.get(1).stringValue());
    }
}
