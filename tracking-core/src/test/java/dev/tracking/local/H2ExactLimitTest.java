package dev.tracking.local;

import dev.tracking.local.jdbc.JdbcLocalStore;
import dev.tracking.local.jdbc.JdbcSchema;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The exact-limit contract on the JDBC store with an in-memory H2 database per test. */
class H2ExactLimitTest extends ExactLimitContract {

    private static int databases;
    private JdbcConnectionPool pool;

    @Override
    protected LocalStore emptyStore() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:exact" + ++databases + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(250);
        JdbcSchema.initialize(pool);
        return JdbcLocalStore.create(pool);
    }

    @Override
    protected LocalStore sameStoreAgain() {
        DataSource same = pool;
        return JdbcLocalStore.create(same);
    }

    @AfterEach
    void closePool() {
        pool.dispose();
    }
}
