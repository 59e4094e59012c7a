package dev.tracking.lotus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class LotusFormatsTest {

    @Test
    void timesHaveExactlyThreeFractionDigitsAndZ() {
        Rfc3339 writer = new Rfc3339();

        assertThat(text(writer, Instant.parse("2026-11-22T10:15:30.123999Z")))
                .isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(text(writer, Instant.parse("2026-11-22T23:59:59.999Z")))
                .isEqualTo("2026-11-22T23:59:59.999Z");
        assertThat(text(writer, Instant.parse("2026-11-23T00:00:00Z")))
                .isEqualTo("2026-11-23T00:00:00.000Z");
        assertThat(text(writer, Instant.parse("2026-11-22T00:00:00.007Z")))
                .isEqualTo("2026-11-22T00:00:00.007Z");
        assertThat(Rfc3339.format(Instant.parse("0999-01-02T03:04:05Z"))).isEqualTo("0999-01-02T03:04:05.000Z");
        assertThat(Rfc3339.format(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
    }

    @Test
    void lotusDateTimesAreReadInEveryFormTheServerUses() {
        JsonNode dates = LotusJson.MAPPER.readTree("""
                {"rfc":"2026-11-22T10:15:30Z","offset":"2026-11-22T11:15:30.5+01:00",
                 "spaced":"2026-11-22 10:15:30","date":"2026-11-22","bad":"soon","none":null}""");

        assertThat(LotusJson.instant(dates, "rfc")).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(LotusJson.instant(dates, "offset")).isEqualTo("2026-11-22T10:15:30.500Z");
        assertThat(LotusJson.instant(dates, "spaced")).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(LotusJson.instant(dates, "date")).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(LotusJson.instant(dates, "bad")).isNull();
        assertThat(LotusJson.instant(dates, "none")).isNull();
        assertThat(LotusJson.instant(dates, "absent")).isNull();
    }

    private static String text(Rfc3339 writer, Instant instant) {
        return new String(writer.ascii(instant), 0, Rfc3339.LENGTH, StandardCharsets.US_ASCII);
    }
}
