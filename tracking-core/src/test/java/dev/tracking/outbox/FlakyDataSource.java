package dev.tracking.outbox;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that works, refuses connections, or hangs in {@code getConnection} until the test lets it go. */
final class FlakyDataSource implements DataSource {

    enum Mode { WORKS, REFUSES, HANGS }

    private final DataSource delegate;
    private volatile Mode mode = Mode.WORKS;
    private volatile CountDownLatch hang = new CountDownLatch(1);

    FlakyDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void set(Mode value) {
        if (value == Mode.HANGS) {
            hang = new CountDownLatch(1);
        }
        mode = value;
        if (value != Mode.HANGS) {
            hang.countDown();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (mode == Mode.HANGS) {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while hanging");
            }
        }
        if (mode == Mode.REFUSES) {
            throw new SQLException("connection refused (test)");
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
