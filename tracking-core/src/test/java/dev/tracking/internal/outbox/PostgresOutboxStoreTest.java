package dev.tracking.internal.outbox;

import dev.tracking.support.EmbeddedPostgresServer;
import javax.sql.DataSource;

/** The outbox table on a real PostgreSQL server ({@code FOR UPDATE SKIP LOCKED}), a database per test. */
class PostgresOutboxStoreTest extends OutboxStoreContract {

    @Override
    protected DataSource newDatabase() {
        return EmbeddedPostgresServer.newDatabase();
    }
}
