package dev.tracking.lotus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Writes instants the way Lotus's ingestion wants them: RFC 3339 in UTC with exactly three fraction digits and
 * {@code Z}, e.g. {@code 2026-11-22T10:15:30.123Z}. An instance remembers the last day it wrote, so formatting
 * many events of the same day is cheap; it is not thread-safe.
 */
final class Rfc3339 {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final char[] chars = new char[24];
    private long cachedDay = Long.MIN_VALUE;

    /** {@code instant} formatted, for one-off use from any thread. */
    static String format(Instant instant) {
        Rfc3339 writer = new Rfc3339();
        return writer.fits(instant) ? new String(writer.chars(instant))
                : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Whether {@code instant} has a four-digit year, the only ones {@link #chars} writes. */
    boolean fits(Instant instant) {
        return instant.getEpochSecond() >= -62_167_219_200L && instant.getEpochSecond() < 253_402_300_800L;
    }

    /** The 24 characters of {@code instant}, in a buffer that the next call overwrites. */
    char[] chars(Instant instant) {
        long millis = instant.toEpochMilli();
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        int milliOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            digits(0, date.getYear(), 4);
            chars[4] = '-';
            digits(5, date.getMonthValue(), 2);
            chars[7] = '-';
            digits(8, date.getDayOfMonth(), 2);
            chars[10] = 'T';
            chars[13] = ':';
            chars[16] = ':';
            chars[19] = '.';
            chars[23] = 'Z';
            cachedDay = day;
        }
        digits(11, milliOfDay / 3_600_000, 2);
        digits(14, milliOfDay / 60_000 % 60, 2);
        digits(17, milliOfDay / 1000 % 60, 2);
        digits(20, milliOfDay % 1000, 3);
        return chars;
    }

    private void digits(int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            chars[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
