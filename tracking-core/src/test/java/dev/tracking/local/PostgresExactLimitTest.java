package dev.tracking.local;

import dev.tracking.local.jdbc.JdbcLocalStore;
import dev.tracking.local.jdbc.JdbcSchema;
import dev.tracking.support.EmbeddedPostgresServer;
import javax.sql.DataSource;

/** The exact-limit contract on the JDBC store with a real PostgreSQL server, a new database per test. */
class PostgresExactLimitTest extends ExactLimitContract {

    private DataSource database;

    @Override
    protected LocalStore emptyStore() {
        database = EmbeddedPostgresServer.newDatabase();
        JdbcSchema.initialize(database);
        return JdbcLocalStore.create(database);
    }

    @Override
    protected LocalStore sameStoreAgain() {
        return JdbcLocalStore.create(database);
    }
}
