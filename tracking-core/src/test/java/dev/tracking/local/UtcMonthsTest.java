package dev.tracking.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class UtcMonthsTest {

    @Test
    void monthBoundariesAreExactInUtc() {
        Instant lastSecondOfJanuary = Instant.parse("2026-01-31T23:59:59.999Z");
        Instant firstOfFebruary = Instant.parse("2026-02-01T00:00:00Z");

        assertThat(UtcMonths.of(lastSecondOfJanuary)).isEqualTo(YearMonth.of(2026, 1));
        assertThat(UtcMonths.of(firstOfFebruary)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(UtcMonths.of(lastSecondOfJanuary)).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void answersStayRightWhenCallsAlternateBetweenMonths() {
        Instant leapDay = Instant.parse("2024-02-29T12:00:00Z");
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59Z");
        Instant farAhead = Instant.parse("2999-12-31T23:59:59Z");

        for (int i = 0; i < 3; i++) {
            assertThat(UtcMonths.of(leapDay)).isEqualTo(YearMonth.of(2024, 2));
            assertThat(UtcMonths.of(beforeEpoch)).isEqualTo(YearMonth.of(1969, 12));
            assertThat(UtcMonths.of(farAhead)).isEqualTo(YearMonth.of(2999, 12));
        }
    }

    @Test
    void endOfMonthIsTheFirstInstantOfTheNext() {
        assertThat(UtcMonths.endOfMonthContaining(Instant.parse("2026-12-15T08:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
