package dev.tracking.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.UserStage;
import dev.tracking.lotus.LotusBodies;
import dev.tracking.outlit.OutlitBodies;
import dev.tracking.outlit.OutlitProtocol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every message kind survives the outbox unchanged: same id, timestamp, fields, and request bytes. */
class OutboxCodecTest {

    enum Plan { PRO }

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final Identity WHO = new Identity("acme", "u-1", "ada@acme.test", "fp-9");

    static Message roundTrip(Message message) {
        return OutboxCodec.decode(OutboxCodec.encode(message));
    }

    static void assertSameOutlitBodies(List<Message> batch) {
        List<Message> decoded = batch.stream().map(OutboxCodecTest::roundTrip).toList();
        for (OutlitProtocol protocol : OutlitProtocol.values()) {
            assertThat(new String(OutlitBodies.body(protocol, decoded), java.nio.charset.StandardCharsets.UTF_8))
                    .as(protocol.name())
                    .isEqualTo(new String(OutlitBodies.body(protocol, batch), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(OutlitBodies.body(protocol, decoded)).isEqualTo(OutlitBodies.body(protocol, batch));
        }
    }

    private static Map<String, Object> everyKind() {
        return Map.ofEntries(Map.entry("text", "é😀\"\n"), Map.entry("int", 7), Map.entry("long", Long.MIN_VALUE),
                Map.entry("double", 0.1), Map.entry("negativeZero", -0.0), Map.entry("float", 1.5f),
                Map.entry("decimal", new BigDecimal("1.50")), Map.entry("huge", new BigDecimal("1E+999")),
                Map.entry("big", new java.math.BigInteger("123456789012345678901234567890")),
                Map.entry("flag", true), Map.entry("char", 'x'), Map.entry("plan", Plan.PRO),
                Map.entry("id", UUID.fromString("0190c3a1-7b2e-7c3d-8e4f-5a6b7c8d9e0f")), Map.entry("at", AT),
                Map.entry("day", LocalDate.of(2026, 3, 1)),
                Map.entry("zoned", ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris"))),
                Map.entry("list", List.of(1, "two", List.of(3.0), Map.of("four", 4))),
                Map.entry("map", Map.of("nested", Map.of("deeper", AT))));
    }

    @Test
    void aTrackMessageKeepsItsIdTimestampAndEveryValueKind() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(everyKind());
        properties.put("nothing", null);
        TrackMessage original = new TrackMessage(UUID.randomUUID(), AT, "report_exported", WHO, properties,
                Map.of("plan", "pro", "seats", 5L));
        TrackMessage decoded = (TrackMessage) roundTrip(original);
        assertThat(decoded.id()).isEqualTo(original.id());
        assertThat(decoded.timestamp()).isEqualTo(AT);
        assertThat(decoded.identity()).isEqualTo(WHO);
        assertThat(decoded.eventName()).isEqualTo("report_exported");
        assertThat(decoded.properties().keySet()).containsExactlyElementsOf(original.properties().keySet());
        assertThat(decoded.properties()).containsEntry("nothing", null).containsEntry("at", AT)
                .containsEntry("decimal", new BigDecimal("1.50")).containsEntry("plan", "PRO");
        assertThat(decoded.customerTraits()).isEqualTo(original.customerTraits());
        assertSameOutlitBodies(List.of(original));
        assertThat(LotusBodies.body(List.of(decoded))).isEqualTo(LotusBodies.body(List.of(original)));
    }

    @Test
    void identifyActivationAndBillingMessagesRoundTrip() {
        List<Message> batch = List.of(
                IdentifyMessage.builder().email("ada@acme.test").customerId("acme").trait("name", "Ada")
                        .customerTrait("plan", "pro").build(),
                ActivationMessage.builder(UserStage.ENGAGED).userId("u-1").property("via", "import").build(),
                BillingStatusMessage.builder(BillingStatus.CHURNED, "acme").property("mrr", 99.5).build(),
                new TrackMessage(UUID.randomUUID(), AT, "only_fingerprint", new Identity(null, null, null, "fp"),
                        Map.of()));
        for (Message message : batch) {
            assertThat(roundTrip(message)).usingRecursiveComparison().isEqualTo(message);
        }
        assertSameOutlitBodies(batch);
    }

    @Test
    void aPayloadThatIsNotAnOutboxMessageIsRefused() {
        assertThatThrownBy(() -> OutboxCodec.decode("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxCodec.decode("{\"v\":2}")).isInstanceOf(IllegalArgumentException.class);
    }
}
