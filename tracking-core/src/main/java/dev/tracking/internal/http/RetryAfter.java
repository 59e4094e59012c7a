package dev.tracking.internal.http;

import dev.tracking.http.ReplyHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads how long a server asks a client to wait: {@code Retry-After} as delay-seconds or an HTTP-date
 * (RFC 9110), else {@code X-RateLimit-Reset} as Unix seconds.
 */
public final class RetryAfter {

    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    private RetryAfter() {
    }

    /** The wait the response's headers ask for, or {@code null} when they ask for none (or are unreadable). */
    public static Duration fromHeaders(ReplyHeaders headers, Clock clock) {
        Duration retryAfter = parseRetryAfter(headers.firstValue("Retry-After"), clock);
        if (retryAfter != null) {
            return retryAfter;
        }
        return parseRateLimitReset(headers.firstValue("X-RateLimit-Reset"), clock);
    }

    /** Parses a {@code Retry-After} value: delay-seconds or an HTTP-date; {@code null} when unreadable. */
    public static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return seconds(text);
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return untilOrZero(at, clock);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Parses an {@code X-RateLimit-Reset} value: Unix seconds when the window resets (small values are taken
     * as seconds from now); {@code null} when unreadable.
     */
    public static Duration parseRateLimitReset(String value, Clock clock) {
        if (value == null || value.isBlank() || !value.trim().chars().allMatch(Character::isDigit)) {
            return null;
        }
        Duration parsed = seconds(value.trim());
        if (parsed == null || parsed.getSeconds() < EPOCH_SECONDS_THRESHOLD) {
            return parsed;
        }
        return untilOrZero(Instant.ofEpochSecond(parsed.getSeconds()), clock);
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration untilOrZero(Instant at, Clock clock) {
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
