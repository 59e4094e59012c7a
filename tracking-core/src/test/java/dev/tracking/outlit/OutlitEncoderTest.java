package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatus;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.UserStage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutlitEncoderTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final UUID ID = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");

    @Test
    void encodesEveryMessageTypeExactlyInTheLegacyProtocol() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("format", "pdf \"é\" 😀\n");
        properties.put("pages", 3);
        properties.put("nested", Map.of("list", List.of(1.5, true)));
        List<Message> batch = List.of(
                new TrackMessage(ID, AT, "report_exported", new Identity("acme", "u1", "ann@example.com", "fp"),
                        properties),
                new IdentifyMessage(ID, AT, Identity.ofUser("u1"), Map.of("name", "Ann"), Map.of("plan", "pro")),
                new ActivationMessage(ID, AT, UserStage.ACTIVATED, new Identity("acme", null, null, "fp"),
                        Map.of("__email", "spoofed", "via", "onboarding")),
                new BillingStatusMessage(ID, AT, BillingStatus.PAID, Identity.ofCustomer("acme"), Map.of()));

        assertThat(encode(new OutlitEncoder(OutlitProtocol.LEGACY_V1), batch)).isEqualTo(json("{'source':'server','events':["
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'custom','timestamp':1772360130123,"
                + "'url':'server://ann@example.com','path':'/','eventName':'report_exported',"
                + "'email':'ann@example.com','userId':'u1','fingerprint':'fp','customerId':'acme',"
                + "'properties':{'format':'pdf \\'é\\' 😀\\n','pages':3,'nested':{'list':[1.5,true]}}},"
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'identify','timestamp':1772360130123,"
                + "'url':'server://u1','path':'/','userId':'u1','customerTraits':{'plan':'pro'},"
                + "'traits':{'name':'Ann'}},"
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'stage','timestamp':1772360130123,"
                + "'url':'server://fp','path':'/','stage':'activated','properties':{'via':'onboarding',"
                + "'__email':null,'__userId':null,'__fingerprint':'fp'}},"
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'billing','timestamp':1772360130123,"
                + "'url':'server://acme','path':'/','status':'paid','customerId':'acme'}]}"));
    }

    @Test
    void encodesLifecycleEventsAsCustomEventsByDefault() {
        List<Message> batch = List.of(
                new ActivationMessage(ID, AT, UserStage.ENGAGED, Identity.ofEmail("a@b.io"), Map.of("n", 1L)),
                new BillingStatusMessage(ID, AT, BillingStatus.CHURNED, Identity.ofCustomer("acme"), Map.of()));

        assertThat(encode(new OutlitEncoder(OutlitProtocol.CURRENT), batch)).isEqualTo(json("{'source':'server','events':["
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'custom','timestamp':1772360130123,"
                + "'url':'server://a@b.io','path':'/','eventName':'user_engaged','email':'a@b.io',"
                + "'properties':{'n':1}},"
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'custom','timestamp':1772360130123,"
                + "'url':'server://acme','path':'/','eventName':'customer_churned','customerId':'acme'}]}"));
    }

    @Test
    void reusesItsBufferForTheNextBatch() {
        OutlitEncoder encoder = new OutlitEncoder(OutlitProtocol.CURRENT);
        TrackMessage big = new TrackMessage(ID, AT, "e", Identity.ofUser("u"), Map.of("text", "x".repeat(100_000)));
        TrackMessage small = new TrackMessage(ID, AT, "e", Identity.ofUser("u"), Map.of());

        assertThat(encode(encoder, List.of(big))).hasSizeGreaterThan(100_000);
        assertThat(encode(encoder, List.of(small))).isEqualTo(json("{'source':'server','events':["
                + "{'uuid':'01890a5d-ac96-774b-bcce-b302099a8057','type':'custom','timestamp':1772360130123,"
                + "'url':'server://u','path':'/','eventName':'e','userId':'u'}]}"));
    }

    private static String encode(OutlitEncoder encoder, List<Message> batch) {
        int length = encoder.encode(batch);
        return new String(encoder.bytes(), 0, length, StandardCharsets.UTF_8);
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
