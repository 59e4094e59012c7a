package dev.tracking.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for the whole JVM that aborts requests outliving their timeout (socket timeouts bound
 * reads, not a write the server does not read). It stops after 30 idle seconds, so unclosed senders leak nothing.
 */
final class Deadlines {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Deadlines() {
    }

    static ScheduledFuture<?> schedule(Runnable abort, Duration after) {
        long nanos = after.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : after.toNanos();
        return TIMER.schedule(abort, nanos, TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tracking-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
