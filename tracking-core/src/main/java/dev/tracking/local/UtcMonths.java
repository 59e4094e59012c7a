package dev.tracking.local;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Calendar months in UTC: the period of every metered limit. */
final class UtcMonths {

    private UtcMonths() {
    }

    /** The UTC month that contains {@code instant}. */
    static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
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
