package dev.tracking.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Calendar months in UTC: the period of every metered limit. */
final class UtcMonths {

    private static final long SECONDS_PER_DAY = 86_400;

    /** The month last asked for, with its bounds: nearly every call asks for the same month again. */
    private static volatile Span last = Span.of(YearMonth.of(1970, 1));

    private UtcMonths() {
    }

    /** The UTC month that contains {@code instant}. */
    static YearMonth of(Instant instant) {
        long seconds = instant.getEpochSecond();
        Span span = last;
        if (span.contains(seconds)) {
            return span.month;
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        YearMonth month = YearMonth.of(day.getYear(), day.getMonthValue());
        last = Span.of(month);
        return month;
    }

    /** The first instant after {@code month}: the exclusive end of its period. */
    static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The exclusive end of the UTC month that contains {@code instant}. */
    static Instant endOfMonthContaining(Instant instant) {
        return endOf(of(instant));
    }

    /** A month and its bounds in epoch seconds, start inclusive, end exclusive. */
    private record Span(YearMonth month, long startSecond, long endSecond) {

        static Span of(YearMonth month) {
            return new Span(month, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                    endOf(month).getEpochSecond());
        }

        boolean contains(long seconds) {
            return seconds >= startSecond && seconds < endSecond;
        }
    }
}
