package dev.tracking.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.internal.json.JsonValueWriter;
import dev.tracking.internal.outbox.OutboxCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of the closed model is made by the snapshot, told apart by {@link PropertyKind#of}, written by the JSON
 * writer and kept by the outbox: a kind added without a sample here fails the first test.
 */
class PropertyKindTest {

    enum Plan {
        FREE,
        PRO {
            @Override
            public String toString() {
                return "a constant with a body has a class of its own";
            }
        }
    }

    /** One raw value per kind, as a caller passes it. */
    private static final List<Object> SAMPLES = java.util.Arrays.asList(null, "tëxt \"q\" \u0001 \uD83D\uDE00",
            true, 7, 8L, (short) 9, (byte) 10, 1.5, 2.5f, new BigDecimal("0.10"),
            new BigInteger("123456789012345678901234567890"), 'c', Plan.PRO, DayOfWeek.MONDAY,
            UUID.fromString("00000000-0000-7000-8000-000000000001"), Instant.parse("2026-03-01T10:00:00.5Z"),
            LocalDate.of(2026, 3, 1), ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
            HijrahDate.of(1447, 9, 12), Map.of("k", List.of(1, "two")), List.of(Map.of("k", 'v')));

    @Test
    void everyKindIsMadeByTheSnapshotOfSomeValue() {
        Map<PropertyKind, Object> byKind = new EnumMap<>(PropertyKind.class);
        for (Object snapshot : snapshots().values()) {
            byKind.putIfAbsent(PropertyKind.of(snapshot), snapshot);
        }

        assertThat(byKind.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(PropertyKind.class));
    }

    @Test
    void classifiesByClassNotByLadderOrderSubclassesIncluded() {
        assertThat(PropertyKind.of(null)).isEqualTo(PropertyKind.NULL);
        assertThat(PropertyKind.of(Plan.PRO)).isEqualTo(PropertyKind.ENUM);
        assertThat(PropertyKind.of(DayOfWeek.FRIDAY)).as("an enum and a temporal").isEqualTo(PropertyKind.ENUM);
        assertThat(PropertyKind.of(HijrahDate.of(1447, 1, 1))).isEqualTo(PropertyKind.TIME);
        assertThat(PropertyKind.of((short) 1)).isEqualTo(PropertyKind.WHOLE_NUMBER);
        assertThat(PropertyValues.copyOf("p", Map.of("big", new BigDecimal("1.5") { })).get("big"))
                .as("a subclass is copied to BigDecimal itself").hasSameClassAs(BigDecimal.ONE);
    }

    @Test
    void valuesOutsideTheModelAreNoKind() {
        for (Object outside : List.of(new StringBuilder("sb"), new java.util.concurrent.atomic.AtomicLong(1),
                new BigDecimal("1") { }, List.of(1), Map.of("k", 1), new NotJavaTime(), new Object())) {
            assertThatThrownBy(() -> PropertyKind.of(outside)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(outside.getClass().getName()).hasMessageContaining("not property values");
        }
    }

    @Test
    void theJsonWriterWritesEveryKindAsValidJsonWithinItsEncodedBytes() {
        JsonBuffer json = new JsonBuffer(16);
        JsonValueWriter writer = new JsonValueWriter(json);
        Map<PropertyKind, Integer> written = new EnumMap<>(PropertyKind.class);
        for (Object snapshot : snapshots().values()) {
            json.reset();
            writer.value(snapshot);
            PropertyKind kind = PropertyKind.of(snapshot);

            assertThat(JsonMapper.shared().readTree(json.toString())).as("%s", snapshot).isNotNull();
            assertThat(kind.encodedBytes(snapshot)).as("%s", snapshot).isGreaterThanOrEqualTo(json.size());
            written.merge(kind, 1, Integer::sum);
        }

        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(PropertyKind.class));
    }

    @Test
    void theOutboxKeepsEveryKindSoThatItWritesTheSameBytes() {
        PropertyMap properties = snapshots();
        TrackMessage original = new TrackMessage(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:00Z"), "e",
                Identity.ofCustomer("acme"), properties, Map.of());

        TrackMessage decoded = (TrackMessage) OutboxCodec.decode(OutboxCodec.encode(original));

        assertThat(decoded.properties().keySet()).containsExactlyElementsOf(properties.keySet());
        assertThat(written(decoded.properties())).isEqualTo(written(properties));
        for (String key : properties.keySet()) {
            Object before = properties.get(key);
            Object after = decoded.properties().get(key);
            Object expected = switch (PropertyKind.of(before)) {
                case ENUM -> ((Enum<?>) before).name();
                case WHOLE_NUMBER -> ((Number) before).longValue();
                // another calendar's date comes back as the text it is written as
                case TIME -> before instanceof HijrahDate ? before.toString() : before;
                // their items come back as above; the containers are compared by the bytes they write
                case MAP, LIST -> after;
                case NULL, STRING, BOOLEAN, DOUBLE, FLOAT, BIG_DECIMAL, BIG_INTEGER, CHARACTER, UUID -> before;
            };
            assertThat(after).as(key).isEqualTo(expected);
            if (expected != null) {
                assertThat(after).as(key).hasSameClassAs(expected);
            }
        }
    }

    private static PropertyMap snapshots() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < SAMPLES.size(); i++) {
            raw.put("v" + i, SAMPLES.get(i));
        }
        return PropertyValues.copyOf("properties", raw);
    }

    private static String written(Map<String, Object> properties) {
        JsonBuffer json = new JsonBuffer(64);
        new JsonValueWriter(json).object(properties);
        return json.toString();
    }

    /** A temporal value from outside {@code java.time}, which the model does not take. */
    private static final class NotJavaTime implements TemporalAccessor {
        @Override
        public boolean isSupported(TemporalField field) {
            return false;
        }

        @Override
        public long getLong(TemporalField field) {
            throw new java.time.temporal.UnsupportedTemporalTypeException(field + " " + ChronoField.YEAR);
        }
    }
}
