package dev.tracking.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonBufferTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JsonBuffer json = new JsonBuffer(16);

    @Test
    void placesCommasBetweenTheMembersOfNestedObjectsAndArrays() {
        json.startObject();
        json.name("a");
        json.startArray();
        json.number(1);
        json.startObject();
        json.endObject();
        json.startArray();
        json.endArray();
        json.startArray();
        json.bool(true);
        json.nullValue();
        json.endArray();
        json.string("x");
        json.endArray();
        json.name("b");
        json.startObject();
        json.name("c");
        json.bool(false);
        json.name("d");
        json.startObject();
        json.name("e");
        json.nullValue();
        json.endObject();
        json.endObject();
        json.name("f");
        json.string("g");
        json.endObject();

        assertThat(json.toString())
                .isEqualTo("{\"a\":[1,{},[],[true,null],\"x\"],\"b\":{\"c\":false,\"d\":{\"e\":null}},\"f\":\"g\"}");
        assertThat(JSON.readTree(json.toString()).path("b").path("d").has("e")).isTrue();
    }

    @Test
    void writesLongsLikeLongToString() {
        long[] values = {0, 1, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            999_999_999_999_999_999L, 1_000_000_000_000_000_000L, 1_772_360_130_123L};
        for (long value : values) {
            assertThat(written(value)).isEqualTo(Long.toString(value));
        }
        long power = 1;
        for (int digits = 1; digits < 19; digits++, power *= 10) {
            assertThat(written(power - 1)).isEqualTo(Long.toString(power - 1));
            assertThat(written(power)).isEqualTo(Long.toString(power));
            assertThat(written(-power)).isEqualTo(Long.toString(-power));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(written(value)).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void writesDoublesAsJsonNumbersAndNonFiniteOnesAsStrings() {
        json.startArray();
        for (double value : new double[] {1.5, -0.0, 1e10, 1e-5, 0.1, Double.MAX_VALUE, Double.MIN_VALUE}) {
            json.number(value);
        }
        json.number(Double.NaN);
        json.number(Double.POSITIVE_INFINITY);
        json.number(Double.NEGATIVE_INFINITY);
        json.endArray();

        assertThat(json.toString()).isEqualTo("[1.5,-0.0,1.0E10,1.0E-5,0.1,1.7976931348623157E308,4.9E-324,"
                + "\"NaN\",\"Infinity\",\"-Infinity\"]");
        JsonNode parsed = JSON.readTree(json.toString());
        assertThat(parsed.get(2).isNumber()).isTrue();
        assertThat(parsed.get(2).doubleValue()).isEqualTo(1e10);
        assertThat(parsed.get(5).doubleValue()).isEqualTo(Double.MAX_VALUE);
        assertThat(parsed.get(7).asString()).isEqualTo("NaN");
    }

    @Test
    void writesBigNumbersExactly() {
        json.startArray();
        json.number(new BigDecimal("0.10"));
        json.number(new BigDecimal("1E+3"));
        json.number(new BigDecimal("-123456789012345678901234567890.5"));
        json.number(new BigInteger("-123456789012345678901234567890"));
        json.endArray();

        assertThat(json.toString()).isEqualTo("[0.10,1E+3,-123456789012345678901234567890.5,"
                + "-123456789012345678901234567890]");
        JsonNode parsed = JSON.readTree(json.toString());
        assertThat(parsed.get(1).decimalValue()).isEqualByComparingTo("1000");
        assertThat(parsed.get(3).bigIntegerValue()).isEqualTo(new BigInteger("-123456789012345678901234567890"));
    }

    @Test
    void writesUuidsAndAsciiBytesAsStrings() {
        UUID id = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
        json.startArray();
        json.uuid(id);
        json.asciiString("xx2026-11-22T10:15:30.123Z".getBytes(StandardCharsets.US_ASCII), 2, 24);
        json.uuid(new UUID(-1, 0));
        json.endArray();

        assertThat(json.toString()).isEqualTo("[\"01890a5d-ac96-774b-bcce-b302099a8057\",\"2026-11-22T10:15:30.123Z\","
                + "\"ffffffff-ffff-ffff-0000-000000000000\"]");
    }

    @Test
    void writesPreEncodedNamesAndStringsLikeTheirText() {
        JsonString name = JsonString.of("na\"me");
        JsonString value = JsonString.of("é\n");
        json.startObject();
        json.name(name);
        json.string(value);
        json.name("second");
        json.startArray();
        json.string(value);
        json.string(value);
        json.endArray();
        json.endObject();

        assertThat(name).hasToString("\"na\\\"me\"");
        assertThat(json.toString()).isEqualTo("{\"na\\\"me\":\"é\\n\",\"second\":[\"é\\n\",\"é\\n\"]}");
    }

    @Test
    void startsOverAfterAResetAndKeepsItsGrownArray() {
        json.startArray();
        json.string("x".repeat(1_000));
        json.endArray();
        byte[] grown = json.array();

        json.reset();
        json.startObject();
        json.name("n");
        json.number(1);
        json.endObject();

        assertThat(grown.length).isGreaterThanOrEqualTo(1_004);
        assertThat(json.array()).isSameAs(grown);
        assertThat(json.size()).isEqualTo(7);
        assertThat(json.toString()).isEqualTo("{\"n\":1}");
    }

    @Test
    void aResetForgetsThatAValueWasWritten() {
        json.number(1);
        json.reset();
        json.number(2);

        assertThat(json.toString()).isEqualTo("2");
    }

    private String written(long value) {
        json.reset();
        json.number(value);
        return json.toString();
    }
}
