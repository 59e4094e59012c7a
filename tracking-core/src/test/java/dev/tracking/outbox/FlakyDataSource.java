package dev.tracking.outbox;

import dev.tracking.support.GuardedDataSource;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/** A data source that works, refuses connections, or hangs in {@code getConnection} until the test lets it go. */
final class FlakyDataSource extends GuardedDataSource {

    enum Mode { WORKS, REFUSES, HANGS }

    private volatile Mode mode = Mode.WORKS;
    private volatile CountDownLatch hang = new CountDownLatch(1);

    FlakyDataSource(DataSource delegate) {
        super(delegate);
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
    protected void beforeConnection() throws SQLException {
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
    }
}
