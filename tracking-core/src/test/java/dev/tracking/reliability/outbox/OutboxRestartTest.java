package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.support.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An orderly restart: {@code close()} while the vendor holds a batch, or while the database hangs, returns within
 * the shutdown deadline, leaves the unsent rows pending (not failed) and unclaimed, and the next instance delivers
 * them at once. The lease is 10 minutes, so a claim that close() failed to release would keep the rows from the
 * next instance far beyond the test's bound.
 */
class OutboxRestartTest {

    private static final Duration GENEROUS = Duration.ofMinutes(2);
    private static final Duration LONG_LEASE = Duration.ofMinutes(10);

    private final DataSource postgres = EmbeddedPostgresServer.newDatabase();
    private final OutboxTable table = OutboxTable.initialize(postgres);
    private final SwitchableDataSource database = new SwitchableDataSource(postgres);
    private final IngestSink sink = new IngestSink();
    private final Map<UUID, String> tracked = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        database.up();
        sink.close();
    }

    private Tracker instance(String id) {
        return Tracker.builder()
                .outlit(OutlitOptions.of(OutboxTrackers.PUBLIC_KEY).withApiHost(sink.uri()))
                .delivery(OutboxTrackers.delivery(new OutboxTrackers.Instance(id, LONG_LEASE, Duration.ofMinutes(2),
                        Duration.ofSeconds(30))))
                .outbox(OutboxOptions.builder(database).instanceId(id).lease(LONG_LEASE)
                        .writeTimeout(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).build())
                .build();
    }

    @Test
    void closeWhileABatchIsHeldLeavesItsRowsPendingForTheNextInstance() throws Exception {
        sink.hold();
        Tracker first = instance("first");
        track(first, 150);
        await("a batch in flight").atMost(GENEROUS).until(() -> !sink.held().isEmpty());

        closeWithinBound(first);
        DestinationStats outlit = outlit(first);
        assertThat(outlit.failed()).as("failed in the closed instance").isZero();
        assertThat(table.rows()).as("rows left for the next instance").isEqualTo(150);
        assertThat(table.failed()).as("rows marked failed").isZero();
        assertThat(table.claimedBy("first")).as("claims left behind").isEmpty();

        sink.accept();
        try (Tracker second = instance("second")) {
            await("the next instance delivering everything").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                    .until(() -> Deliveries.missing(tracked, sink).isEmpty() && table.rows() == 0);
        }
        Deliveries.assertNoneLostNoneInvented(tracked, tracked.keySet(), sink, "stats " + outlit);
    }

    @Test
    void closeWhileTheDatabaseHangsReturnsAndTheRowsWaitForTheNextInstance() throws Exception {
        sink.hold();
        Tracker first = instance("first");
        track(first, 150);
        await("a batch in flight").atMost(GENEROUS).until(() -> !sink.held().isEmpty());
        database.hang();
        sink.accept();

        closeWithinBound(first);
        database.up();
        assertThat(table.failed()).as("rows marked failed").isZero();

        try (Tracker second = instance("second")) {
            await("the next instance delivering everything").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                    .until(() -> Deliveries.missing(tracked, sink).isEmpty() && table.rows() == 0);
        }
        Deliveries.assertNoneLostNoneInvented(tracked, tracked.keySet(), sink, "after a hanging close");
    }

    private void track(Tracker tracker, int count) {
        for (int i = 0; i < count; i++) {
            String seq = "0-" + tracked.size();
            TrackMessage message = TrackMessage.builder("report_exported").customerId("acme").property("seq", seq)
                    .build();
            tracker.track(message);
            tracked.put(message.id(), seq);
        }
    }

    /** Closes {@code tracker}, asserting that close() returns: its shutdown timeout is 5 s, the bound 30 s. */
    private static void closeWithinBound(Tracker tracker) throws Exception {
        CompletableFuture<Void> closing = CompletableFuture.runAsync(tracker::close);
        assertThat(closing).as("close() returned").succeedsWithin(30, TimeUnit.SECONDS);
    }

    private static DestinationStats outlit(Tracker tracker) {
        return tracker.stats().stream().filter(s -> s.destination().equals("outlit")).findFirst().orElseThrow();
    }
}
