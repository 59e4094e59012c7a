package dev.tracking.internal.http;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends request writes that outlive their deadline. Socket writes have no timeout of their own, so a server that
 * stops reading would hold the writing thread for good once the socket buffers are full. Only writes of at least
 * {@link #MIN_WATCHED_BYTES} are watched: smaller ones fit into the buffers of both ends and return at once. The
 * timer is one daemon thread, started with the first watched write and stopped by {@link #close()}.
 */
final class WriteWatchdog implements AutoCloseable {

    static final int MIN_WATCHED_BYTES = 64 * 1024;

    private final String threadName;
    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    WriteWatchdog(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Aborts {@code connection} at {@code deadlineNanos} unless the returned watch is cancelled first; {@code null}
     * when a write of {@code bytes} needs no watching.
     */
    ScheduledFuture<?> watch(HttpConnection connection, long bytes, long deadlineNanos) {
        if (bytes < MIN_WATCHED_BYTES) {
            return null;
        }
        ScheduledThreadPoolExecutor current = timer();
        if (current == null) {
            return null;
        }
        try {
            return current.schedule(connection::abort, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null && !closed) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }
}
