package dev.tracking.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.value.PropertyValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonValueWriterTest {

    enum Plan { PRO }

    private final JsonBuffer json = new JsonBuffer(16);
    private final JsonValueWriter values = new JsonValueWriter(json);

    @Test
    void writesEveryAcceptedValueType() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "a\"b");
        map.put("int", 3);
        map.put("long", 4L);
        map.put("double", 1.5);
        map.put("decimal", new BigDecimal("0.10"));
        map.put("bool", true);
        map.put("nothing", null);
        map.put("plan", Plan.PRO);
        map.put("id", UUID.fromString("00000000-0000-7000-8000-000000000001"));
        map.put("at", Instant.parse("2026-03-01T10:00:00Z"));
        map.put("day", LocalDate.of(2026, 3, 1));
        map.put("zoned", ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris")));
        map.put("list", List.of(1, "two"));
        map.put("ints", new int[] {1, 2});
        map.put("nested", Map.of("k", 'c'));

        values.object((Map<?, ?>) snapshot(map));

        assertThat(json.toString()).isEqualTo("{\"text\":\"a\\\"b\",\"int\":3,\"long\":4,\"double\":1.5,"
                + "\"decimal\":0.10,\"bool\":true,\"nothing\":null,\"plan\":\"PRO\","
                + "\"id\":\"00000000-0000-7000-8000-000000000001\",\"at\":\"2026-03-01T10:00:00Z\","
                + "\"day\":\"2026-03-01\",\"zoned\":\"2026-03-01T10:00+01:00\",\"list\":[1,\"two\"],"
                + "\"ints\":[1,2],\"nested\":{\"k\":\"c\"}}");
    }

    @Test
    void writesIntegersAsIntegersAndOtherNumbersAsDoublesUnlessBig() {
        values.value(snapshot(Arrays.asList((short) 7, (byte) -8, 0.1f,
                new BigInteger("123456789012345678901234567890"), new AtomicLong(9), Long.MIN_VALUE)));

        assertThat(json.toString()).isEqualTo("[7,-8,0.10000000149011612,123456789012345678901234567890,9,"
                + "-9223372036854775808]");
        assertThatThrownBy(() -> values.entries(Map.of("ratio", Double.NaN)))
                .isInstanceOf(FieldEncodingException.class).hasMessageContaining("not a finite number");
    }

    @Test
    void writesBytesAsBase64AndOtherArraysElementByElement() {
        values.value(snapshot(Arrays.asList(new byte[] {1, 2, 3, (byte) 255}, new Object[] {"a", null, List.of()},
                new boolean[] {true}, new char[] {'x'}, new double[][] {{1.5}, {}})));

        assertThat(json.toString()).isEqualTo("[\"AQID/w==\",[\"a\",null,[]],[true],[\"x\"],[[1.5],[]]]");
    }

    @Test
    void writesDatesAsIsoInstantsAndOtherTextAsTheirText() {
        values.value(snapshot(Arrays.asList(Date.from(Instant.parse("2026-03-01T10:00:00.250Z")),
                new StringBuilder("sb"), 'q')));

        assertThat(json.toString()).isEqualTo("[\"2026-03-01T10:00:00.250Z\",\"sb\",\"q\"]");
    }

    /** The value as the message snapshot holds it: the writer writes only snapshots. */
    private static Object snapshot(Object value) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("v", value);
        return PropertyValues.copyOf("v", wrapper).get("v");
    }

    @Test
    void writesMapsInsideArraysInsideMaps() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("1", "one");
        inner.put("PRO", List.of(Map.of("deep", "é\n")));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("items", snapshot(List.of(inner, inner)));
        outer.put("after", 2);

        json.startObject();
        json.name("first");
        json.number(0);
        values.entries(outer);
        json.endObject();

        assertThat(json.toString()).isEqualTo("{\"first\":0,\"items\":[{\"1\":\"one\",\"PRO\":[{\"deep\":\"é\\n\"}]},"
                + "{\"1\":\"one\",\"PRO\":[{\"deep\":\"é\\n\"}]}],\"after\":2}");
        JsonNode parsed = JsonMapper.shared().readTree(json.toString());
        assertThat(parsed.path("items").path(1).path("PRO").path(0).path("deep").asString()).isEqualTo("é\n");
    }

    @Test
    void refusesValuesOutsideTheModelNamingTheirPath() {
        assertThatThrownBy(() -> values.value(List.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are not property values");
        assertThatThrownBy(() -> values.entries(Map.of("nested", Map.of("k", 1))))
                .isInstanceOf(FieldEncodingException.class).hasMessageContaining("are not property values")
                .extracting(e -> ((FieldEncodingException) e).path()).isEqualTo(".nested");
    }
}
