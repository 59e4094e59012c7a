package dev.tracking.outlit;

import dev.tracking.http.HttpReply;
import dev.tracking.internal.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers a server saying, on a successful reply, that its rate-limit window is used up
 * ({@code X-RateLimit-Remaining: 0} with {@code X-RateLimit-Reset}), so that the next request waits for the reset
 * instead of earning a 429. Safe for concurrent senders: each waits for the window a reply closed.
 */
final class RateLimitWindow {

    private final Clock clock;
    private final Duration maxPause;
    private volatile Instant closedUntil;

    /**
     * @param clock the clock the reset is measured against
     * @param maxPause the longest pause a reset header can impose
     */
    RateLimitWindow(Clock clock, Duration maxPause) {
        this.clock = clock;
        this.maxPause = maxPause;
    }

    /** Notes the rate-limit headers of {@code reply}. */
    void observe(HttpReply reply) {
        String remaining = reply.header("X-RateLimit-Remaining");
        if (remaining == null || !remaining.strip().equals("0")) {
            return;
        }
        Duration untilReset = RetryAfter.parseRateLimitReset(reply.header("X-RateLimit-Reset"), clock);
        if (untilReset != null && !untilReset.isZero()) {
            Duration pause = untilReset.compareTo(maxPause) > 0 ? maxPause : untilReset;
            closedUntil = clock.instant().plus(pause);
        }
    }

    /** Sleeps until the window reopens, when a reply said it was used up; returns at once otherwise. */
    void awaitOpen() throws InterruptedException {
        Instant until = closedUntil;
        if (until == null) {
            return;
        }
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        } else if (closedUntil == until) {
            closedUntil = null;
        }
    }
}
