package dev.tracking.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Calendar months in UTC: the period of every metered limit. */
final class UtcMonths {

    private static final long SECONDS_PER_DAY = 86_400;

    private UtcMonths() {
    }

    /** The UTC month that contains {@code instant}. */
    static YearMonth of(Instant instant) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY));
        return YearMonth.of(day.getYear(), day.getMonthValue());
    }

    /** The first instant after {@code month}: the exclusive end of its period. */
    static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The exclusive end of the UTC month that contains {@code instant}. */
    static Instant endOfMonthContaining(Instant instant) {
        return endOf(of(instant));
    }
}
