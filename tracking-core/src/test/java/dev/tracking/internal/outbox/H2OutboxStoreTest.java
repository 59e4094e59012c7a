package dev.tracking.internal.outbox;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The outbox table on an in-memory H2 database per test. */
class H2OutboxStoreTest extends OutboxStoreContract {

    private static int databases;
    private JdbcConnectionPool pool;

    @Override
    protected DataSource newDatabase() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:outbox" + ++databases + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(50);
        return pool;
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.dispose();
        }
    }
}
