package dev.tracking.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon timer thread for the whole JVM that aborts requests outliving their timeout (socket timeouts bound
 * reads, not a write the server does not read) and, every 100 ms while requests are in flight, those whose calling
 * thread was interrupted (blocking socket I/O does not notice interrupts). It stops after 30 idle seconds, so
 * unclosed senders leak nothing.
 */
final class Deadlines {

    private static final long SCAN_MILLIS = 100;
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final Set<Watched> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SCANNING = new AtomicBoolean();

    private Deadlines() {
    }

    /** A request being watched; {@link #close()} when it is over. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code abort} once {@code timeout} has passed, or when the calling thread is interrupted. */
    static Watch watch(Runnable onTimeout, Runnable onInterrupt, Duration timeout) {
        Watched watched = new Watched(Thread.currentThread(), onInterrupt);
        WATCHED.add(watched);
        if (SCANNING.compareAndSet(false, true)) {
            TIMER.schedule(Deadlines::scan, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        }
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : timeout.toNanos();
        ScheduledFuture<?> deadline = TIMER.schedule(onTimeout, nanos, TimeUnit.NANOSECONDS);
        return () -> {
            deadline.cancel(false);
            WATCHED.remove(watched);
        };
    }

    private static void scan() {
        for (Watched watched : WATCHED) {
            if (watched.thread.isInterrupted() && WATCHED.remove(watched)) {
                watched.abort.run();
            }
        }
        SCANNING.set(false);
        if (!WATCHED.isEmpty() && SCANNING.compareAndSet(false, true)) {
            TIMER.schedule(Deadlines::scan, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        }
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

    private record Watched(Thread thread, Runnable abort) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
