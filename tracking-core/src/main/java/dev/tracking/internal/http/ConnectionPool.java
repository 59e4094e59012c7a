package dev.tracking.internal.http;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The open connections of one transport: lends an idle connection to the same origin when there is one, takes
 * it back when it can carry another request, keeps at most a few idle (the most recently used) and closes those
 * found idle for too long whenever a connection is borrowed or given back. Closing the pool closes every
 * connection, in use or idle. Safe for concurrent use.
 */
final class ConnectionPool {

    private final int maxIdle;
    private final long maxIdleNanos;
    private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
    private final Set<HttpConnection> open = new HashSet<>();
    private boolean closed;

    ConnectionPool(int maxIdle, long maxIdleNanos) {
        this.maxIdle = maxIdle;
        this.maxIdleNanos = maxIdleNanos;
    }

    /** An idle connection to {@code origin}, most recently used first, or {@code null}. */
    HttpConnection borrow(Origin origin) {
        List<HttpConnection> expired;
        HttpConnection found = null;
        synchronized (this) {
            expired = removeExpired(System.nanoTime());
            for (Iterator<HttpConnection> it = idle.descendingIterator(); it.hasNext(); ) {
                HttpConnection connection = it.next();
                if (connection.origin().equals(origin)) {
                    it.remove();
                    found = connection;
                    break;
                }
            }
        }
        if (expired != null) {
            expired.forEach(HttpConnection::close);
        }
        return found;
    }

    /** Takes the connections idle for too long out of the pool (the caller closes them outside the lock). */
    private List<HttpConnection> removeExpired(long now) {
        List<HttpConnection> expired = null;
        for (Iterator<HttpConnection> it = idle.iterator(); it.hasNext(); ) {
            HttpConnection connection = it.next();
            if (now - connection.idleSinceNanos() > maxIdleNanos) {
                it.remove();
                open.remove(connection);
                expired = expired == null ? new ArrayList<>(2) : expired;
                expired.add(connection);
            }
        }
        return expired;
    }

    /** Counts a newly opened connection as in use; closes it and fails when the pool is closed. */
    void add(HttpConnection connection) throws IOException {
        synchronized (this) {
            if (!closed) {
                open.add(connection);
                return;
            }
        }
        connection.close();
        throw new IOException("the connection pool is closed");
    }

    /** Takes back a connection after a complete exchange: keeps it idle when it can be reused, else closes it. */
    void release(HttpConnection connection) {
        HttpConnection evicted = null;
        boolean kept;
        List<HttpConnection> expired;
        synchronized (this) {
            kept = !closed && connection.reusable();
            long now = System.nanoTime();
            expired = removeExpired(now);
            if (kept) {
                connection.idleSince(now);
                idle.addLast(connection);
                if (idle.size() > maxIdle) {
                    evicted = idle.pollFirst();
                    open.remove(evicted);
                }
            } else {
                open.remove(connection);
            }
        }
        if (!kept) {
            connection.close();
        }
        if (evicted != null) {
            evicted.close();
        }
        if (expired != null) {
            expired.forEach(HttpConnection::close);
        }
    }

    /** Closes a connection that failed or is no longer wanted. */
    void discard(HttpConnection connection) {
        synchronized (this) {
            open.remove(connection);
        }
        connection.close();
    }

    /** Closes the idle connections and aborts those in use; later {@link #add} calls fail. */
    void close() {
        List<HttpConnection> idleOnes;
        List<HttpConnection> inUse;
        synchronized (this) {
            closed = true;
            idleOnes = new ArrayList<>(idle);
            open.removeAll(idle);
            inUse = new ArrayList<>(open);
            idle.clear();
            open.clear();
        }
        inUse.forEach(HttpConnection::abort);
        idleOnes.forEach(HttpConnection::close);
    }

    /** How many connections are open, idle or in use. */
    synchronized int openCount() {
        return open.size();
    }

    /** How many connections wait idle. */
    synchronized int idleCount() {
        return idle.size();
    }
}
