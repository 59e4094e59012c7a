package dev.tracking.internal.outbox;

import dev.tracking.internal.delivery.ThreadStop;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes the rows of calls made outside a transaction, with group commit: one daemon thread takes every request
 * waiting, inserts their rows in one batch and commits once. A caller waits at most the write timeout for its own
 * rows; when the time passes or the database fails, {@link #write} answers so and the caller uses the memory
 * queue instead. While a write has been running longer than the timeout (the database hangs), callers do not wait
 * at all. A request the thread already took when its caller gave up ({@link Result#UNKNOWN}) may still commit: the
 * thread then reports its rows to {@link LateOutcome}, and they are sent twice, with the same ids.
 */
final class OutboxWriter {

    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int CANCELLED = 2;
    private static final int ABANDONED = 3;
    private static final int DONE = 4;
    private static final int MAX_ROWS = 1000;

    private final OutboxStore store;
    private final long timeoutNanos;
    private final Consumer<List<PendingRow>> committed;
    private final LateOutcome late;
    private final Outage outage = new Outage("outbox writes");
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Request> requests = new ArrayDeque<>();
    private final Thread thread;
    private volatile long busySince;
    private boolean closing;

    private static final class Request {
        final List<PendingRow> rows;
        final AtomicInteger state = new AtomicInteger(WAITING);
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean written;

        Request(List<PendingRow> rows) {
            this.rows = rows;
        }
    }

    /** What {@link #write} knows of the rows when it returns. */
    public enum Result {
        /** Committed. */
        WRITTEN,
        /** Not in the table and never will be: not taken by the thread, or its insert failed. */
        NOT_WRITTEN,
        /** Taken by the thread but not settled in time: the thread reports the outcome to {@link LateOutcome}. */
        UNKNOWN
    }

    /** Learns, on the writer's thread, how a request settled after {@link #write} answered {@link Result#UNKNOWN}. */
    @FunctionalInterface
    public interface LateOutcome {
        void settled(List<PendingRow> rows, boolean committed);
    }

    /**
     * A writer whose thread calls {@code committed} with the rows of every commit, and {@code late} for each
     * request whose caller stopped waiting after the thread took it.
     */
    public OutboxWriter(OutboxStore store, long timeoutNanos, Consumer<List<PendingRow>> committed,
            LateOutcome late) {
        this.store = store;
        this.timeoutNanos = timeoutNanos;
        this.committed = committed;
        this.late = late;
        this.thread = new Thread(this::run, "tracking-outbox-writer");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Writes {@code rows}; answers within the timeout, or at once when interrupted (the flag stays set), what it
     * knows of them (see {@link Result}).
     */
    public Result write(List<PendingRow> rows) {
        long started = busySince;
        if (started != 0 && System.nanoTime() - started > timeoutNanos) {
            return Result.NOT_WRITTEN;
        }
        Request request = new Request(rows);
        lock.lock();
        try {
            if (closing) {
                return Result.NOT_WRITTEN;
            }
            requests.add(request);
            work.signal();
        } finally {
            lock.unlock();
        }
        boolean settled;
        try {
            settled = request.done.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settled = false;
        }
        if (!settled) {
            outage.failed(null, "events go to the memory queue meanwhile (counted not_durable)");
            if (request.state.compareAndSet(WAITING, CANCELLED)) {
                return Result.NOT_WRITTEN;
            }
            if (request.state.compareAndSet(TAKEN, ABANDONED)) {
                return Result.UNKNOWN;
            }
            // the thread settled it between the timeout and here
        }
        return request.written ? Result.WRITTEN : Result.NOT_WRITTEN;
    }

    private void run() {
        List<Request> taken = new ArrayList<>();
        List<PendingRow> rows = new ArrayList<>();
        while (take(taken, rows)) {
            boolean ok = false;
            busySince = System.nanoTime() | 1;
            try {
                store.insert(rows);
                ok = true;
                outage.succeeded();
            } catch (SQLException | RuntimeException | Error e) {
                outage.failed(e, "events go to the memory queue meanwhile (counted not_durable)");
            } finally {
                busySince = 0;
            }
            List<Request> abandoned = new ArrayList<>();
            for (Request request : taken) {
                request.written = ok;
                if (!request.state.compareAndSet(TAKEN, DONE)) {
                    abandoned.add(request);
                }
                request.done.countDown();
            }
            if (ok) {
                committed.accept(List.copyOf(rows));
            }
            for (Request request : abandoned) {
                late.settled(request.rows, ok);
            }
            taken.clear();
            rows.clear();
        }
    }

    /** Moves waiting requests into {@code taken}; returns {@code false} once closing with nothing left. */
    private boolean take(List<Request> taken, List<PendingRow> rows) {
        lock.lock();
        try {
            while (true) {
                while (!requests.isEmpty() && rows.size() < MAX_ROWS) {
                    Request request = requests.poll();
                    if (request.state.compareAndSet(WAITING, TAKEN)) {
                        taken.add(request);
                        rows.addAll(request.rows);
                    }
                }
                if (!taken.isEmpty()) {
                    return true;
                }
                if (closing) {
                    return false;
                }
                work.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is waiting, then stops; waits for the thread until {@code deadlineNanos}, then interrupts it. */
    public void close(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            closing = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        ThreadStop.joinOrInterrupt(thread, deadlineNanos);
    }

    /** Whether the writer's thread runs. */
    public boolean isAlive() {
        return thread.isAlive();
    }
}
