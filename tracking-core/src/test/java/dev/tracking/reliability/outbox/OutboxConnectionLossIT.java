package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import dev.tracking.support.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL drops the outbox's connections again and again while events are tracked and delivered (as in a
 * failover, or a proxy cutting idle and busy connections alike): every {@code pg_terminate_backend} hits whatever
 * the writer and the relay were doing: a write, a commit, a claim, a delete. Nothing tracked is lost, nothing is
 * invented, an id arrives twice only as the same event, and nothing fails for good.
 */
class OutboxConnectionLossIT {

    private static final int EVENTS = 2_000;
    private static final Duration GENEROUS = Duration.ofMinutes(3);

    @Test
    void droppedConnectionsLoseNothing() throws Exception {
        PGSimpleDataSource database = (PGSimpleDataSource) EmbeddedPostgresServer.newDatabase();
        OutboxTable table = OutboxTable.initialize(database);
        Map<UUID, String> tracked = new ConcurrentHashMap<>();
        AtomicInteger terminated = new AtomicInteger();
        ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (IngestSink sink = new IngestSink().delay(Duration.ofMillis(20));
                Tracker tracker = OutboxTrackers.tracker(database, sink.uri(), new OutboxTrackers.Instance("lossy",
                        Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            chaos.scheduleWithFixedDelay(() -> terminated.addAndGet(terminateConnections(database.getDatabaseName())),
                    20, 20, TimeUnit.MILLISECONDS);
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < EVENTS / 4; i++) {
                        String seq = thread + "-" + i;
                        TrackMessage message = TrackMessage.builder("report_exported").customerId("acme")
                                .property("seq", seq).build();
                        tracker.track(message);
                        tracked.put(message.id(), seq);
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            }
            chaos.shutdown();
            assertThat(chaos.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(terminated).as("connections terminated while tracking").hasPositiveValue();

            await("every event delivered and the table empty").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                    .until(() -> Deliveries.missing(tracked, sink).isEmpty() && table.rows() == 0);
            Outbox outbox = tracker.outbox().orElseThrow();
            DestinationStats outlit = tracker.stats().stream().filter(s -> s.destination().equals("outlit"))
                    .findFirst().orElseThrow();
            assertThat(outlit.failed()).as("failed for good").isZero();
            assertThat(outbox.failed("outlit")).isZero();
            Deliveries.assertNoneLostNoneInvented(tracked, tracked.keySet(), sink, "stats " + outlit);
            System.out.printf("outbox connection loss: %d events, %d connections terminated, %d not durable, %d ids "
                    + "resent%n", tracked.size(), terminated.get(), outbox.notDurable(), Deliveries.resends(sink));
        } finally {
            chaos.shutdownNow();
            callers.shutdownNow();
        }
    }

    /** Terminates every connection to {@code database} but this one; returns how many. */
    private static int terminateConnections(String database) {
        DataSource admin = EmbeddedPostgresServer.shared().dataSource("postgres");
        try (Connection c = admin.getConnection(); PreparedStatement s = c.prepareStatement("SELECT"
                + " pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            s.setString(1, database);
            int count = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
