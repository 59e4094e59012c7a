package dev.tracking.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

class JsonValuesTest {

    enum Plan { PRO }

    @Test
    void writesEveryAcceptedValueType() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "a\"b");
        values.put("int", 3);
        values.put("long", 4L);
        values.put("double", 1.5);
        values.put("decimal", new BigDecimal("0.10"));
        values.put("bool", true);
        values.put("nothing", null);
        values.put("plan", Plan.PRO);
        values.put("id", UUID.fromString("00000000-0000-7000-8000-000000000001"));
        values.put("at", Instant.parse("2026-03-01T10:00:00Z"));
        values.put("day", LocalDate.of(2026, 3, 1));
        values.put("zoned", ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris")));
        values.put("list", List.of(1, "two"));
        values.put("ints", new int[] {1, 2});
        values.put("nested", Map.of("k", 'c'));

        assertThat(write(values)).isEqualTo("{\"text\":\"a\\\"b\",\"int\":3,\"long\":4,\"double\":1.5,"
                + "\"decimal\":0.10,\"bool\":true,\"nothing\":null,\"plan\":\"PRO\","
                + "\"id\":\"00000000-0000-7000-8000-000000000001\",\"at\":\"2026-03-01T10:00:00Z\","
                + "\"day\":\"2026-03-01\",\"zoned\":\"2026-03-01T10:00+01:00\",\"list\":[1,\"two\"],"
                + "\"ints\":[1,2],\"nested\":{\"k\":\"c\"}}");
    }

    private static String write(Map<String, Object> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonValues.generator(out)) {
            JsonValues.writeObject(json, values);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
