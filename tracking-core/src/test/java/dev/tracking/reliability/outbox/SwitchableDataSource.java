package dev.tracking.reliability.outbox;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose database a test can take down: {@link #fail()} makes every new connection and every call on
 * an open connection or statement throw at once (a refused connection), {@link #hang()} makes them block until the
 * database is {@link #up()} again (a network partition). Closing always works, so nothing leaks.
 */
final class SwitchableDataSource implements DataSource {

    private enum State { UP, FAILING, HANGING }

    private final DataSource database;
    private final Object lock = new Object();
    private final AtomicInteger blocked = new AtomicInteger();
    private State state = State.UP;

    SwitchableDataSource(DataSource database) {
        this.database = database;
    }

    void up() {
        set(State.UP);
    }

    void fail() {
        set(State.FAILING);
    }

    void hang() {
        set(State.HANGING);
    }

    /** Calls blocked right now by {@link #hang()}. */
    int blocked() {
        return blocked.get();
    }

    private void set(State value) {
        synchronized (lock) {
            state = value;
            lock.notifyAll();
        }
    }

    /** Returns when the database is up; throws while it fails; blocks while it hangs. */
    private void pass() throws SQLException {
        synchronized (lock) {
            while (state == State.HANGING) {
                blocked.incrementAndGet();
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("interrupted while the database hangs");
                } finally {
                    blocked.decrementAndGet();
                }
            }
            if (state == State.FAILING) {
                throw new SQLTransientConnectionException("the database is down (test)");
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        pass();
        return wrap(Connection.class, database.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        pass();
        return wrap(Connection.class, database.getConnection(username, password));
    }

    private <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            if (!isClose(method)) {
                pass();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return wrapResult(method, result);
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object wrapResult(Method method, Object result) {
        if (result instanceof CallableStatement s && method.getReturnType() == CallableStatement.class) {
            return wrap(CallableStatement.class, s);
        }
        if (result instanceof PreparedStatement s && method.getReturnType() == PreparedStatement.class) {
            return wrap(PreparedStatement.class, s);
        }
        if (result instanceof Statement s && method.getReturnType() == Statement.class) {
            return wrap(Statement.class, s);
        }
        return result;
    }

    private static boolean isClose(Method method) {
        return method.getName().equals("close") || method.getName().equals("isClosed");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
