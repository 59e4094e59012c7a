package dev.tracking.lotus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Writes instants the way Lotus's ingestion wants them: RFC 3339 in UTC with exactly three fraction digits and
 * {@code Z}, e.g. {@code 2026-11-22T10:15:30.123Z}. An instance remembers the last day it wrote, so formatting
 * many events of the same day is cheap; it is not thread-safe.
 */
final class Rfc3339 {

    /** The length of the text {@link #ascii} writes. */
    static final int LENGTH = 24;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final byte[] text = new byte[LENGTH];
    private long cachedDay = Long.MIN_VALUE;

    /** {@code instant} formatted, for one-off use from any thread. */
    static String format(Instant instant) {
        Rfc3339 writer = new Rfc3339();
        return writer.fits(instant) ? new String(writer.ascii(instant), StandardCharsets.US_ASCII)
                : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Whether {@code instant} has a four-digit year, the only ones {@link #ascii} writes. */
    boolean fits(Instant instant) {
        return instant.getEpochSecond() >= -62_167_219_200L && instant.getEpochSecond() < 253_402_300_800L;
    }

    /** The 24 ASCII characters of {@code instant}, in a buffer that the next call overwrites. */
    byte[] ascii(Instant instant) {
        long millis = instant.toEpochMilli();
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        int milliOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            digits(0, date.getYear(), 4);
            text[4] = '-';
            digits(5, date.getMonthValue(), 2);
            text[7] = '-';
            digits(8, date.getDayOfMonth(), 2);
            text[10] = 'T';
            text[13] = ':';
            text[16] = ':';
            text[19] = '.';
            text[23] = 'Z';
            cachedDay = day;
        }
        digits(11, milliOfDay / 3_600_000, 2);
        digits(14, milliOfDay / 60_000 % 60, 2);
        digits(17, milliOfDay / 1000 % 60, 2);
        digits(20, milliOfDay % 1000, 3);
        return text;
    }

    private void digits(int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
