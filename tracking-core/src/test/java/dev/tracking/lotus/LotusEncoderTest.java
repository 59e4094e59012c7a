package dev.tracking.lotus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.SwitchPlanOptions;
import dev.tracking.spi.UnencodableMessageException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Lotus wire format alone: event batches and the client's request bodies. */
class LotusEncoderTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456Z");
    private static final UUID ID = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");

    enum Plan { PRO }

    @Test
    void writesPropertiesAsTheJsonTheyAreBooleansObjectsAndArraysIncluded() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("text", "a\"b\\c\u0001ü");
        properties.put("int", 3);
        properties.put("double", 1.5);
        properties.put("decimal", new BigDecimal("0.10"));
        properties.put("flag", false);
        properties.put("missing", null);
        properties.put("at", Instant.parse("2026-01-02T03:04:05.678901Z"));
        properties.put("date", Date.from(Instant.parse("2026-01-02T03:04:05Z")));
        properties.put("day", LocalDate.of(2026, 1, 2));
        properties.put("plan", Plan.PRO);
        properties.put("char", 'c');
        properties.put("id", ID);
        properties.put("bytes", new byte[] {1, 2, 3, (byte) 255});
        properties.put("tags", List.of("a", "é\""));
        properties.put("map", Map.of("k", List.of(1, 2)));
        properties.put("longs", new long[] {1, -2});

        assertThat(write(List.of(new TrackMessage(ID, AT, "report_exported", Identity.ofCustomer("cust/1 ü"),
                properties)))).isEqualTo(json("{'batch':[{'customer_id':'cust/1 ü','event_name':'report_exported',"
                + "'idempotency_id':'01890a5d-ac96-774b-bcce-b302099a8057','time_created':'2026-11-22T10:15:30.123Z',"
                + "'properties':{'text':'a\\'b\\\\c\\u0001ü','int':3,'double':1.5,'decimal':0.10,'flag':false,"
                + "'at':'2026-01-02T03:04:05.678Z','date':'2026-01-02T03:04:05.000Z','day':'2026-01-02',"
                + "'plan':'PRO','char':'c','id':'01890a5d-ac96-774b-bcce-b302099a8057','bytes':'AQID/w==',"
                + "'tags':['a','é\\''],'map':{'k':[1,2]},'longs':[1,-2]}}]}"));
    }

    @Test
    void writesEveryEventOfTheBatchAndReusesItsBuffer() {
        LotusEncoder encoder = new LotusEncoder();
        TrackMessage big = new TrackMessage(ID, AT, "e", Identity.ofCustomer("c"), Map.of("t", "x".repeat(100_000)));
        TrackMessage small = new TrackMessage(ID, AT, "e", Identity.ofCustomer("c"), Map.of());

        assertThat(write(encoder, List.of(big))).hasSizeGreaterThan(100_000);
        assertThat(write(encoder, List.of(small, small))).isEqualTo(json("{'batch':["
                + "{'customer_id':'c','event_name':'e','idempotency_id':'01890a5d-ac96-774b-bcce-b302099a8057',"
                + "'time_created':'2026-11-22T10:15:30.123Z','properties':{}},"
                + "{'customer_id':'c','event_name':'e','idempotency_id':'01890a5d-ac96-774b-bcce-b302099a8057',"
                + "'time_created':'2026-11-22T10:15:30.123Z','properties':{}}]}"));
    }

    @Test
    void aMessageThatIsNotAUsageEventFailsAloneByItsIndex() {
        TrackMessage fine = new TrackMessage(ID, AT, "e", Identity.ofCustomer("c"), Map.of());
        IdentifyMessage identify = IdentifyMessage.builder().userId("u1").build();

        assertThatExceptionOfType(UnencodableMessageException.class)
                .isThrownBy(() -> new LotusEncoder().encodeEvents(List.of(fine, identify)))
                .satisfies(e -> assertThat(e.index()).isEqualTo(1));
    }

    @Test
    void writesACustomerWithItsPropertiesNullsIncludedAndLeavesOutAnAbsentName() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tier", "gold");
        properties.put("since", Instant.parse("2026-01-02T03:04:05.678901Z"));
        properties.put("none", null);

        assertThat(text(LotusEncoder.customer(new Customer("acme", "Acme", "a@acme.example", properties))))
                .isEqualTo(json("{'customer_id':'acme','email':'a@acme.example','customer_name':'Acme',"
                        + "'properties':{'tier':'gold','since':'2026-01-02T03:04:05.678901Z','none':null}}"));
        assertThat(text(LotusEncoder.customer(new Customer("acme", null, "a@acme.example", Map.of()))))
                .isEqualTo(json("{'customer_id':'acme','email':'a@acme.example'}"));
    }

    @Test
    void writesSubscriptionsCancellationsAndPlanSwitches() {
        assertThat(text(LotusEncoder.subscription("acme", "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b", AT)))
                .isEqualTo(json("{'customer_id':'acme','plan_id':'0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b',"
                        + "'start_date':'2026-11-22T10:15:30.123Z'}"));
        assertThat(text(LotusEncoder.cancelNow(CancelOptions.immediately())))
                .isEqualTo(json("{'flat_fee_behavior':'charge_prorated','usage_behavior':'bill_full',"
                        + "'invoicing_behavior':'invoice_now'}"));
        assertThat(text(LotusEncoder.turnOffAutoRenew())).isEqualTo(json("{'turn_off_auto_renew':true}"));
        assertThat(text(LotusEncoder.switchPlan("p", SwitchPlanOptions.defaults().withInvoiceNow(false))))
                .isEqualTo(json("{'switch_plan_id':'p','invoicing_behavior':'add_to_next_invoice',"
                        + "'usage_behavior':'transfer_to_new_subscription'}"));
    }

    private static String write(List<TrackMessage> batch) {
        return write(new LotusEncoder(), batch);
    }

    private static String write(LotusEncoder encoder, List<TrackMessage> batch) {
        int length = encoder.encodeEvents(batch);
        return new String(encoder.bytes(), 0, length, StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
