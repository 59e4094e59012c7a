package dev.tracking.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.lotus.LotusBodies;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any property values the snapshot keeps come back from the outbox writing the same request bytes. */
class OutboxCodecPropertyTest {

    enum Tier { FREE, PRO }

    @Property(tries = 300)
    void anyPropertiesWriteTheSameOutlitAndLotusBodiesAfterARoundTrip(
            @ForAll("properties") Map<String, Object> properties, @ForAll("properties") Map<String, Object> traits) {
        TrackMessage original = new TrackMessage(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:00.5Z"),
                "report_exported", Identity.ofCustomer("acme"), properties, traits);
        Message decoded = OutboxCodecTest.roundTrip(original);
        assertThat(decoded.id()).isEqualTo(original.id());
        OutboxCodecTest.assertSameOutlitBodies(List.of(original));
        assertThat(LotusBodies.body(List.of((TrackMessage) decoded))).isEqualTo(LotusBodies.body(List.of(original)));
    }

    @Provide
    Arbitrary<Map<String, Object>> properties() {
        Arbitrary<Object> value = Arbitraries.oneOf(scalar(), scalar().list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(key(), scalar().list().ofMaxSize(2).map(l -> (Object) l)).ofMaxSize(3)
                        .map(m -> (Object) m));
        return Arbitraries.maps(key(), value.injectNull(0.05)).ofMaxSize(5);
    }

    private static Arbitrary<String> key() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank());
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(List.of(Arbitraries.strings().all().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.shorts().map(s -> (Object) s), Arbitraries.bytes().map(b -> (Object) b),
                Arbitraries.doubles().withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE)
                        .withSpecialValue(Double.MAX_VALUE).map(d -> (Object) d),
                Arbitraries.floats().map(f -> (Object) f), Arbitraries.bigDecimals().map(d -> (Object) d),
                Arbitraries.bigIntegers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.chars().map(c -> (Object) c), Arbitraries.of(Tier.class).map(t -> (Object) t),
                Arbitraries.randomValue(r -> (Object) new UUID(r.nextLong(), r.nextLong())),
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L).map(s -> (Object) Instant
                        .ofEpochSecond(s, Math.floorMod(s, 1_000_000_000))),
                Arbitraries.of(LocalDate.MAX, LocalDateTime.MIN, LocalTime.NOON, Instant.MAX,
                        OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 7, ZoneOffset.ofHours(-5)), ZoneOffset.UTC,
                        new BigDecimal("0.10"), BigInteger.ONE.shiftLeft(100), java.time.DayOfWeek.MONDAY)
                        .map(v -> (Object) v)));
    }
}
