package dev.tracking.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out its delegate's connections after a check of the test's own, which may block or refuse:
 * the base of the tests' data sources that make a database slow or unreachable on cue.
 */
public abstract class GuardedDataSource implements DataSource {

    private final DataSource delegate;

    protected GuardedDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Runs before every connection is handed out, on the asking thread: may block, or throw to refuse it. */
    protected abstract void beforeConnection() throws SQLException;

    @Override
    public final Connection getConnection() throws SQLException {
        beforeConnection();
        return delegate.getConnection();
    }

    @Override
    public final Connection getConnection(String username, String password) throws SQLException {
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
