package dev.tracking.lotus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Identity;
import dev.tracking.TrackMessage;
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

class LotusBatchWriterTest {

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
        LotusBatchWriter writer = new LotusBatchWriter();
        TrackMessage big = new TrackMessage(ID, AT, "e", Identity.ofCustomer("c"), Map.of("t", "x".repeat(100_000)));
        TrackMessage small = new TrackMessage(ID, AT, "e", Identity.ofCustomer("c"), Map.of());

        assertThat(write(writer, List.of(big))).hasSizeGreaterThan(100_000);
        assertThat(write(writer, List.of(small, small))).isEqualTo(json("{'batch':["
                + "{'customer_id':'c','event_name':'e','idempotency_id':'01890a5d-ac96-774b-bcce-b302099a8057',"
                + "'time_created':'2026-11-22T10:15:30.123Z','properties':{}},"
                + "{'customer_id':'c','event_name':'e','idempotency_id':'01890a5d-ac96-774b-bcce-b302099a8057',"
                + "'time_created':'2026-11-22T10:15:30.123Z','properties':{}}]}"));
    }

    private static String write(List<TrackMessage> batch) {
        return write(new LotusBatchWriter(), batch);
    }

    private static String write(LotusBatchWriter writer, List<TrackMessage> batch) {
        int length = writer.write(batch);
        return new String(writer.bytes(), 0, length, StandardCharsets.UTF_8);
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
