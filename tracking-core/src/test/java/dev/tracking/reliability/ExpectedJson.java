package dev.tracking.reliability;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test's own idea of what a property value becomes on the wire, written from the README's rules and not from
 * the library's code: a plain tree of maps, lists, strings, numbers (as {@link BigDecimal}), booleans and nulls,
 * or {@link Invalid} when the library must refuse the value at the call.
 */
final class ExpectedJson {

    private static final int MAX_DEPTH = 16;
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();

    /** The value must be refused at the call. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String why) {
            super(why, null, false, false);
        }
    }

    private ExpectedJson() {
    }

    /** The expected tree of top-level {@code properties}, taken now (before any later change). */
    static Map<String, Object> ofProperties(Map<String, Object> properties) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new Invalid("blank key");
            }
            tree.put(entry.getKey(), of(entry.getValue(), 1, new IdentityHashMap<>()));
        }
        return tree;
    }

    private static Object of(Object value, int depth, IdentityHashMap<Object, Boolean> path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return BigDecimal.valueOf(((Number) value).longValue()).stripTrailingZeros();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new Invalid("not finite");
            }
            return new BigDecimal(Double.toString(number)).stripTrailingZeros();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer).stripTrailingZeros();
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof java.sql.Date || value instanceof java.sql.Time) {
            throw new Invalid("no instant");
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toOffsetDateTime().toString();
        }
        if (value instanceof TemporalAccessor time) {
            return time.toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (!(value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray())) {
            throw new Invalid("unsupported type");
        }
        if (depth > MAX_DEPTH || path.containsKey(value)) {
            throw new Invalid("too deep or a cycle");
        }
        path.put(value, true);
        try {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> tree = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new Invalid("non-string key");
                    }
                    tree.put(key, of(entry.getValue(), depth + 1, path));
                }
                return tree;
            }
            List<Object> tree = new ArrayList<>();
            if (value instanceof Iterable<?> items) {
                for (Object item : items) {
                    tree.add(of(item, depth + 1, path));
                }
            } else {
                for (int i = 0; i < Array.getLength(value); i++) {
                    tree.add(of(Array.get(value, i), depth + 1, path));
                }
            }
            return tree;
        } finally {
            path.remove(value);
        }
    }

    /** Where {@code actual} first differs from {@code expected}, with both values, or {@code null} if equal. */
    static String firstDifference(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                return path + ": keys " + escape(e.keySet()) + " vs " + escape(a.keySet());
            }
            for (Object key : e.keySet()) {
                String inner = firstDifference(e.get(key), a.get(key), path + "." + escape(key));
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return path + ": sizes " + e.size() + " vs " + a.size();
            }
            for (int i = 0; i < e.size(); i++) {
                String inner = firstDifference(e.get(i), a.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return java.util.Objects.equals(expected, actual) ? null
                : path + ": " + escape(expected) + " vs " + escape(actual);
    }

    private static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        text.chars().limit(200).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }

    /** The tree of JSON {@code text} as it was sent, numbers exact, in the same terms as {@link #ofProperties}. */
    static Object parse(String text) {
        return tree(EXACT.readTree(text));
    }

    private static Object tree(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), tree(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(tree(item)));
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.stringValue();
    }
}
