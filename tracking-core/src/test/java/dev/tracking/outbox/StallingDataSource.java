package dev.tracking.outbox;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that, once {@link #arm()}ed, holds the outbox writer's thread (only that thread) in
 * {@code getConnection} until {@link #release()}: the writer has then taken its requests but cannot commit them.
 */
final class StallingDataSource implements DataSource {

    private static final String WRITER_THREAD = "tracking-outbox-writer";

    private final DataSource delegate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean armed;

    StallingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void arm() {
        armed = true;
    }

    /** Waits until the writer's thread is held; fails the test, rather than hanging it, when it never is. */
    void awaitWriterHeld() throws InterruptedException {
        if (!entered.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new AssertionError("the writer never asked for a connection");
        }
    }

    void release() {
        armed = false;
        released.countDown();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (armed && WRITER_THREAD.equals(Thread.currentThread().getName())) {
            entered.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while stalled");
            }
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
