package dev.tracking.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.http.ReplyHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parseRetryAfter("2", clock)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.parseRetryAfter(" 120 ", clock)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parseRetryAfter("Sun, 01 Mar 2026 10:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parseRetryAfter("Sun, 01 Mar 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parseRetryAfter("soon", clock)).isNull();
        assertThat(RetryAfter.parseRetryAfter("", clock)).isNull();
        assertThat(RetryAfter.parseRateLimitReset("-5", clock)).isNull();
    }

    @Test
    void readsARateLimitResetAsUnixSeconds() {
        long reset = clock.instant().getEpochSecond() + 7;
        assertThat(RetryAfter.parseRateLimitReset(Long.toString(reset), clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parseRateLimitReset("3", clock)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void prefersRetryAfterOverTheRateLimitReset() {
        long reset = clock.instant().getEpochSecond() + 60;
        ReplyHeaders both = ReplyHeaders.of("Retry-After", "4", "X-RateLimit-Reset", Long.toString(reset));
        ReplyHeaders resetOnly = ReplyHeaders.of("x-ratelimit-reset", Long.toString(reset));

        assertThat(RetryAfter.fromHeaders(both, clock)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryAfter.fromHeaders(resetOnly, clock)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryAfter.fromHeaders(ReplyHeaders.of(), clock)).isNull();
    }
}
