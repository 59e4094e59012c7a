package dev.tracking.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

/** Generators of what callers pass as property values, hostile ones included, and their later mutation. */
final class HostileValues {

    enum Plan { FREE, PRO }

    private HostileValues() {
    }

    /** Any short text: every UTF-16 unit, control characters and unpaired surrogates included. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(10),
                Arbitraries.of("", " ", "é", "😀", "\uD800", "\uDC00x", "a\"b\\c", "\u2028"));
    }

    /** Text, sometimes huge: control characters that grow sixfold when escaped, or two-byte letters. */
    static Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(Tuple.of(20, text()),
                Tuple.of(1, Arbitraries.strings().withChars('\u0001', '\u00e9', 'x').ofMinLength(5_000)
                        .ofMaxLength(30_000)));
    }

    static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(List.of(anyText().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.shorts().map(s -> (Object) s), Arbitraries.bytes().map(b -> (Object) b),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(-0.0).withSpecialValue(Double.MAX_VALUE).map(d -> (Object) d),
                Arbitraries.floats().withSpecialValue(Float.NEGATIVE_INFINITY).map(f -> (Object) f),
                Arbitraries.bigDecimals().map(d -> (Object) d),
                Arbitraries.of(new BigDecimal("1E+999999"), new BigDecimal("0.10"),
                        new BigInteger("123456789012345678901234567890")).map(n -> (Object) n),
                Arbitraries.longs().map(l -> (Object) new AtomicLong(l)),
                Arbitraries.integers().map(i -> (Object) new AtomicInteger(i)),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.chars().map(c -> (Object) c),
                Arbitraries.of(Plan.class).map(p -> (Object) p),
                Arbitraries.randomValue(r -> (Object) new UUID(r.nextLong(), r.nextLong())),
                Arbitraries.of(Instant.MAX, Instant.MIN, Instant.EPOCH, LocalDate.MAX, LocalDateTime.MIN,
                        ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris"))).map(t -> (Object) t),
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L)
                        .map(ms -> (Object) new Date(ms)),
                Arbitraries.of(java.sql.Date.valueOf("2026-01-01"), java.sql.Time.valueOf("10:00:00"),
                        java.sql.Timestamp.valueOf("2026-01-01 10:00:00.123456789")).map(d -> (Object) d),
                text().map(s -> (Object) new StringBuilder(s)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> (Object) b),
                Arbitraries.doubles().withSpecialValue(Double.NaN).array(double[].class).ofMaxSize(3)
                        .map(d -> (Object) d),
                Arbitraries.integers().array(int[].class).ofMaxSize(3).map(a -> (Object) a),
                Arbitraries.of(new Object(), Thread.class, java.util.Optional.empty()).map(o -> (Object) o)))
                .injectNull(0.05);
    }

    /**
     * Values in trees of mutable maps, lists and arrays: wide and shallow, or narrow and up to 20 levels deep. Built
     * by hand from a random source, as jqwik's recursive arbitraries get slow at these depths.
     */
    static Arbitrary<Object> value() {
        RandomGenerator<Object> scalars = scalar().generator(1000);
        RandomGenerator<String> keys = text().generator(1000);
        return Arbitraries.randomValue(random -> random.nextBoolean()
                ? nested(random, scalars, keys, 3, random.nextInt(4))
                : nested(random, scalars, keys, 1, 12 + random.nextInt(9)));
    }

    private static Object nested(Random random, RandomGenerator<Object> scalars, RandomGenerator<String> keys,
            int width, int depth) {
        if (depth == 0) {
            return scalars.next(random).value();
        }
        int size = width == 1 ? 1 : random.nextInt(width + 1);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(nested(random, scalars, keys, width, depth - 1));
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                Map<String, Object> map = new HashMap<>();
                items.forEach(item -> map.put(keys.next(random).value(), item));
                return map;
            }
            case 1 -> {
                return items;
            }
            default -> {
                return items.toArray();
            }
        }
    }

    static Arbitrary<Map<String, Object>> properties() {
        return Arbitraries.maps(text(), value()).ofMaxSize(4).map(HashMap::new);
    }

    /** A copy of {@code value} with copies of everything that can change, so that jqwik's own sample stays intact. */
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        if (value instanceof Object[] array) {
            Object[] copy = new Object[array.length];
            for (int i = 0; i < array.length; i++) {
                copy[i] = deepCopy(array[i]);
            }
            return copy;
        }
        if (value instanceof int[] ints) {
            return ints.clone();
        }
        if (value instanceof double[] doubles) {
            return doubles.clone();
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof StringBuilder text) {
            return new StringBuilder(text);
        }
        if (value instanceof AtomicLong counter) {
            return new AtomicLong(counter.get());
        }
        if (value instanceof AtomicInteger counter) {
            return new AtomicInteger(counter.get());
        }
        if (value != null && value.getClass() == Date.class) {
            return new Date(((Date) value).getTime());
        }
        return value;
    }

    /** Changes everything the caller could still change in {@code value}, and ties maps into cycles. */
    @SuppressWarnings("unchecked")
    static void mutate(Object value, int depth) {
        if (depth > 25) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object inner : new ArrayList<>(map.values())) {
                mutate(inner, depth + 1);
            }
            ((Map<String, Object>) map).put("added after the call", 1);
            ((Map<String, Object>) map).put("self", map);
        } else if (value instanceof List<?> list) {
            for (Object inner : new ArrayList<>(list)) {
                mutate(inner, depth + 1);
            }
            ((List<Object>) list).add(list);
        } else if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                mutate(array[i], depth + 1);
                array[i] = "replaced";
            }
        } else if (value instanceof int[] ints && ints.length > 0) {
            ints[0]++;
        } else if (value instanceof double[] doubles && doubles.length > 0) {
            doubles[0] = Double.NaN;
        } else if (value instanceof byte[] bytes && bytes.length > 0) {
            bytes[0]++;
        } else if (value instanceof StringBuilder text) {
            text.append("-changed");
        } else if (value instanceof AtomicLong counter) {
            counter.incrementAndGet();
        } else if (value instanceof AtomicInteger counter) {
            counter.incrementAndGet();
        } else if (value instanceof Date date && !(value instanceof java.sql.Date)) {
            date.setTime(date.getTime() + 1);
        }
    }
}
