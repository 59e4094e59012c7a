package dev.tracking.reliability.outbox;

import dev.tracking.DeliveryOptions;
import dev.tracking.RetryOptions;
import dev.tracking.Tracker;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.outlit.OutlitOptions;
import java.net.URI;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The trackers of the outbox crash tests: Outlit at an {@link IngestSink}, covered by the outbox, with short flush
 * and poll intervals and quick retries. The child JVMs and the recovering instances in the test JVM build theirs
 * here, so that they differ only in what a test sets on purpose.
 */
final class OutboxTrackers {

    /** The public key the sink expects in the path (any {@code pk_} key works). */
    static final String PUBLIC_KEY = "pk_test_outbox";

    /**
     * Far above any write on a loaded machine, so that no event falls back to the memory queue (the outage test
     * covers that): an event not durable would be lost to the kill by design, and the crash tests would fail.
     */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private OutboxTrackers() {
    }

    /** What differs between the instances of one test. */
    record Instance(String id, Duration lease, Duration deliveryTimeout, Duration httpTimeout) {
    }

    /** A tracker on {@code database} sending to {@code sink}, writing every event in a transaction of its own. */
    static Tracker tracker(DataSource database, URI sink, Instance instance) {
        return tracker(database, sink, instance, OutboxTransactions.NONE);
    }

    /** A tracker on {@code database} sending to {@code sink}, joining the transactions {@code transactions} has. */
    static Tracker tracker(DataSource database, URI sink, Instance instance, OutboxTransactions transactions) {
        return Tracker.builder()
                .outlit(OutlitOptions.of(PUBLIC_KEY).withApiHost(sink))
                .delivery(delivery(instance))
                .outbox(OutboxOptions.builder(database).instanceId(instance.id()).lease(instance.lease())
                        .pollInterval(Duration.ofMillis(200)).writeTimeout(WRITE_TIMEOUT).transactions(transactions)
                        .build())
                .build();
    }

    static DeliveryOptions delivery(Instance instance) {
        return DeliveryOptions.builder()
                .flushInterval(Duration.ofMillis(20))
                .httpTimeout(instance.httpTimeout())
                .shutdownTimeout(Duration.ofSeconds(5))
                .retry(RetryOptions.builder().initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
                        .deliveryTimeout(instance.deliveryTimeout()).build())
                .build();
    }

    /** A data source for a JDBC URL of PostgreSQL (user {@code postgres}, trust) or H2. */
    static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setUser("postgres");
            return postgres;
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            return h2;
        }
        throw new IllegalArgumentException("url must be a PostgreSQL or H2 JDBC URL, was " + url);
    }
}
