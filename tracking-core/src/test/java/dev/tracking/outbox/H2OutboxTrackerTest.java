package dev.tracking.outbox;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The outbox end to end on an in-memory H2 database per test. */
class H2OutboxTrackerTest extends OutboxTrackerContract {

    private static int databases;
    private JdbcConnectionPool pool;

    @Override
    protected DataSource newDatabase() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:outboxtracker" + ++databases + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(50);
        return pool;
    }

    @AfterEach
    void disposePool() {
        closeTrackers();
        if (pool != null) {
            pool.dispose();
        }
    }
}
