package dev.tracking.outbox;

import dev.tracking.support.EmbeddedPostgresServer;
import javax.sql.DataSource;

/** The outbox end to end on a real PostgreSQL server, a database per test. */
class PostgresOutboxTrackerTest extends OutboxTrackerContract {

    @Override
    protected DataSource newDatabase() {
        return EmbeddedPostgresServer.newDatabase();
    }
}
