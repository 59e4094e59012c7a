package dev.tracking.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One sender's daemon timer thread ({@code tracking-http-deadlines-<name>}) that aborts requests outliving their
 * timeout (socket timeouts bound reads, not a write the server does not read) and, every 100 ms while requests are
 * in flight, those whose calling thread was interrupted (blocking socket I/O does not notice interrupts). It starts
 * with the first request, ends with {@link #close()} (the sender's close), and also after 30 idle seconds, so an
 * unclosed sender leaks nothing.
 */
final class Deadlines implements AutoCloseable {

    private static final long SCAN_MILLIS = 100;

    private final ScheduledThreadPoolExecutor timer;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scanning = new AtomicBoolean();

    Deadlines(String name) {
        this.timer = timer("tracking-http-deadlines-" + name);
    }

    /** A request being watched; {@link #close()} when it is over. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code abort} once {@code timeout} has passed, or when the calling thread is interrupted. */
    Watch watch(Runnable onTimeout, Runnable onInterrupt, Duration timeout) {
        Watched request = new Watched(Thread.currentThread(), onInterrupt);
        watched.add(request);
        if (scanning.compareAndSet(false, true)) {
            timer.schedule(this::scan, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        }
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : timeout.toNanos();
        ScheduledFuture<?> deadline = timer.schedule(onTimeout, nanos, TimeUnit.NANOSECONDS);
        return () -> {
            deadline.cancel(false);
            watched.remove(request);
        };
    }

    /** Stops the timer thread; a later {@link #watch} fails with {@link java.util.concurrent.RejectedExecutionException}. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void scan() {
        for (Watched request : watched) {
            if (request.thread.isInterrupted() && watched.remove(request)) {
                request.abort.run();
            }
        }
        scanning.set(false);
        if (!watched.isEmpty() && scanning.compareAndSet(false, true)) {
            timer.schedule(this::scan, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static ScheduledThreadPoolExecutor timer(String threadName) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
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
