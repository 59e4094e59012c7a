package dev.tracking.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.internal.json.JsonValueWriter;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.chrono.JapaneseDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PropertyKind#encodedBytes} is never less than the UTF-8 bytes the JSON writer writes for a snapshot value,
 * whatever its kind and nesting, and exactly those bytes for strings (escapes, multi-byte characters, surrogate
 * pairs and unpaired surrogates included) and the other kinds documented as exact.
 */
class EncodedBytesPropertyTest {

    enum Tier { FREE, PRO_PLUS }

    private static final Set<PropertyKind> EXACT = EnumSet.of(PropertyKind.NULL, PropertyKind.STRING,
            PropertyKind.BOOLEAN, PropertyKind.WHOLE_NUMBER, PropertyKind.BIG_DECIMAL, PropertyKind.BIG_INTEGER,
            PropertyKind.CHARACTER, PropertyKind.ENUM);

    private final JsonBuffer json = new JsonBuffer(256);
    private final JsonValueWriter writer = new JsonValueWriter(json);

    @Property(tries = 1000)
    void encodedBytesBoundWhatTheWriterWritesAndAreExactForStrings(@ForAll("values") Object raw) {
        Object snapshot = snapshot(raw);
        PropertyKind kind = PropertyKind.of(snapshot);
        json.reset();
        writer.value(snapshot);

        long encoded = kind.encodedBytes(snapshot);
        assertThat(encoded).as("%s %s", kind, snapshot).isGreaterThanOrEqualTo(json.size());
        if (EXACT.contains(kind)) {
            assertThat(encoded).as("%s %s", kind, snapshot).isEqualTo(json.size());
        }
    }

    @Property(tries = 300)
    void aStringIsMeasuredExactlyWhateverItsCharacters(@ForAll("texts") String text) {
        json.reset();
        json.string(text);

        assertThat(JsonText.stringBytes(text)).isEqualTo(json.size());
        assertThat(PropertyKind.STRING.encodedBytes(text)).isEqualTo(json.size());
    }

    @Property(tries = 300)
    void aWholeSnapshotBoundsItsObject(@ForAll("maps") Map<String, Object> properties) {
        PropertyMap snapshot = PropertyValues.copyOf("properties", properties);
        json.reset();
        writer.object(snapshot);

        assertThat(snapshot.encodedBytes()).isGreaterThanOrEqualTo(json.size());
    }

    private static Object snapshot(Object raw) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("v", raw);
        return PropertyValues.copyOf("v", wrapper).get("v");
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.lazyOf(EncodedBytesPropertyTest::scalar, () -> scalar().list().ofMaxSize(4)
                .map(l -> (Object) l), () -> maps().map(m -> (Object) m), () -> nested().map(m -> (Object) m));
    }

    @Provide
    Arbitrary<Map<String, Object>> maps() {
        return Arbitraries.maps(texts().filter(s -> !s.isBlank()), scalar().injectNull(0.1)).ofMaxSize(5);
    }

    private Arbitrary<Map<String, Object>> nested() {
        return Arbitraries.maps(texts().filter(s -> !s.isBlank()),
                Arbitraries.oneOf(maps().map(m -> (Object) m), scalar().list().ofMaxSize(3).map(l -> (Object) l)))
                .ofMaxSize(3);
    }

    @Provide
    static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0080', '\u07ff').withChars("\"\\/a").ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0800', '\uffff').ofMaxLength(40),
                Arbitraries.integers().between(0x1F300, 0x1FAFF).list().ofMaxSize(10).map(points -> {
                    StringBuilder text = new StringBuilder();
                    points.forEach(text::appendCodePoint);
                    return text.toString();
                }),
                Arbitraries.of("\uD800", "a\uDC00b", "\uD83D\uDE00\uD83D", "\n\t\r\b\f\u0001\u001f\u007f"));
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(List.of(texts().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.shorts().map(s -> (Object) s), Arbitraries.bytes().map(b -> (Object) b),
                Arbitraries.doubles().withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE)
                        .withSpecialValue(-Double.MAX_VALUE).withSpecialValue(-1.2345678901234567E-300)
                        .map(d -> (Object) d),
                Arbitraries.floats().withSpecialValue(Float.MIN_VALUE).withSpecialValue(-Float.MAX_VALUE)
                        .map(f -> (Object) f),
                Arbitraries.bigDecimals().map(d -> (Object) d), Arbitraries.bigIntegers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.chars().map(c -> (Object) c),
                Arbitraries.of(Tier.class).map(t -> (Object) t),
                Arbitraries.randomValue(r -> (Object) new UUID(r.nextLong(), r.nextLong())),
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L).map(s -> (Object) Instant
                        .ofEpochSecond(s, Math.floorMod(s, 1_000_000_000))),
                Arbitraries.of(Instant.MIN, Instant.MAX, LocalDate.MIN, LocalDateTime.MAX, LocalTime.MAX,
                        OffsetDateTime.MIN, OffsetDateTime.MAX, OffsetTime.MIN, Year.of(Year.MIN_VALUE),
                        YearMonth.of(Year.MAX_VALUE, 12), MonthDay.of(2, 29), ZoneOffset.MIN, DayOfWeek.SUNDAY,
                        ZonedDateTime.of(LocalDateTime.MAX, ZoneId.of("America/Argentina/ComodRivadavia")),
                        HijrahDate.of(1447, 9, 12).atTime(LocalTime.MAX),
                        HijrahDate.of(1447, 9, 12).atTime(LocalTime.MAX)
                                .atZone(ZoneId.of("America/Argentina/ComodRivadavia")),
                        JapaneseDate.of(2026, 3, 1), new BigDecimal("-1E-2147483647"))
                        .map(v -> (Object) v)));
    }
}
