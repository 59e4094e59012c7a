package dev.tracking.support;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ticker that moves only when told (starting below zero, as {@code System.nanoTime()} may), and an executor
 * that runs its tasks only when told.
 */
public final class ManualTime implements Ticker, Executor {

    private final AtomicLong nanos = new AtomicLong(-1_000_000_000_000_000L);
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    public synchronized int pendingTasks() {
        return tasks.size();
    }

    /** Runs the queued tasks on this thread; returns how many ran. */
    public int runTasks() {
        int ran = 0;
        Runnable task;
        while ((task = poll()) != null) {
            task.run();
            ran++;
        }
        return ran;
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }
}
