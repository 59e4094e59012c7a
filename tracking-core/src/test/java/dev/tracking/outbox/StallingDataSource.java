package dev.tracking.outbox;

import dev.tracking.support.GuardedDataSource;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A data source that, once {@link #arm()}ed, holds the outbox writer's thread (only that thread) in
 * {@code getConnection} until {@link #release()}: the writer has then taken its requests but cannot commit them.
 */
final class StallingDataSource extends GuardedDataSource {

    private static final String WRITER_THREAD = "tracking-outbox-writer";

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean armed;

    StallingDataSource(DataSource delegate) {
        super(delegate);
    }

    void arm() {
        armed = true;
    }

    /** Waits until the writer's thread is held; fails the test, rather than hanging it, when it never is. */
    void awaitWriterHeld() throws InterruptedException {
        if (!entered.await(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the writer never asked for a connection");
        }
    }

    void release() {
        armed = false;
        released.countDown();
    }

    @Override
    protected void beforeConnection() throws SQLException {
        if (armed && WRITER_THREAD.equals(Thread.currentThread().getName())) {
            entered.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while stalled");
            }
        }
    }
}
