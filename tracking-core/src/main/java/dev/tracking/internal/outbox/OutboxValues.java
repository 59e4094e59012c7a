package dev.tracking.internal.outbox;

import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.value.PropertyKind;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Property values in the outbox's JSON, kept apart so that a value read back writes the same request bytes as the
 * value the caller passed; written with one case per {@link PropertyKind}. {@code null}, booleans, strings, whole
 * numbers up to {@code long} and maps are plain JSON; every other value is an array whose first item names its
 * kind: {@code ["L", items…]} for a list, {@code ["D", "1.5"]} for a double, and so on, the value as its exact text;
 * an ISO {@code java.time} value is tagged with its class ({@code ["Instant", "…"]}) so it comes back as the same
 * class. Enums, and dates of other calendars than ISO's, come back as the text the request writers write for them
 * ({@code name()}, {@code toString()}), and every whole number as a {@code Long}.
 */
final class OutboxValues {

    private static final String LIST = "L";
    /** The tag of each {@code java.time} class that is written tagged, and reads back as itself. */
    private static final Map<Class<?>, String> TIME_TAGS = Map.ofEntries(Map.entry(Instant.class, "Instant"),
            Map.entry(LocalDate.class, "LocalDate"), Map.entry(LocalTime.class, "LocalTime"),
            Map.entry(LocalDateTime.class, "LocalDateTime"), Map.entry(OffsetDateTime.class, "OffsetDateTime"),
            Map.entry(OffsetTime.class, "OffsetTime"), Map.entry(ZonedDateTime.class, "ZonedDateTime"),
            Map.entry(Year.class, "Year"), Map.entry(YearMonth.class, "YearMonth"),
            Map.entry(MonthDay.class, "MonthDay"), Map.entry(ZoneOffset.class, "ZoneOffset"));
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
    static JsonBuffer writeMap(JsonBuffer json, Map<?, ?> map) {
        json.startObject();
        map.forEach((key, value) -> {
            json.name((String) key);
            write(json, value);
        });
        json.endObject();
        return json;
    }

    static JsonBuffer write(JsonBuffer json, Object value) {
        return switch (PropertyKind.of(value)) {
            case NULL -> nullValue(json);
            case STRING -> text(json, (String) value);
            case BOOLEAN -> bool(json, (Boolean) value);
            case WHOLE_NUMBER -> wholeNumber(json, ((Number) value).longValue());
            case DOUBLE -> tagged(json, "D", value);
            case FLOAT -> tagged(json, "F", value);
            case BIG_DECIMAL -> tagged(json, "BD", value);
            case BIG_INTEGER -> tagged(json, "BI", value);
            case CHARACTER -> tagged(json, "C", value);
            case ENUM -> text(json, ((Enum<?>) value).name());
            case UUID -> tagged(json, "U", value);
            case TIME -> time(json, value);
            case MAP -> writeMap(json, (Map<?, ?>) value);
            case LIST -> list(json, (List<?>) value);
        };
    }

    private static JsonBuffer nullValue(JsonBuffer json) {
        json.nullValue();
        return json;
    }

    private static JsonBuffer text(JsonBuffer json, String text) {
        json.string(text);
        return json;
    }

    private static JsonBuffer bool(JsonBuffer json, boolean value) {
        json.bool(value);
        return json;
    }

    private static JsonBuffer wholeNumber(JsonBuffer json, long value) {
        json.number(value);
        return json;
    }

    private static JsonBuffer list(JsonBuffer json, List<?> items) {
        json.startArray();
        json.string(LIST);
        items.forEach(item -> write(json, item));
        json.endArray();
        return json;
    }

    /** An ISO value as tagged text; another calendar's date as the plain text the request writers write. */
    private static JsonBuffer time(JsonBuffer json, Object time) {
        String tag = TIME_TAGS.get(time.getClass());
        return tag == null ? text(json, time.toString()) : tagged(json, tag, time);
    }

    private static JsonBuffer tagged(JsonBuffer json, String tag, Object value) {
        json.startArray();
        json.string(tag);
        json.string(value.toString());
        json.endArray();
        return json;
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
