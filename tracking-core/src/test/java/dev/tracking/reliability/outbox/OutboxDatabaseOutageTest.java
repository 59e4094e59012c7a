package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.outbox.Outbox;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.support.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's database down for a stretch, first refusing connections, then hanging every call: {@code track()}
 * still returns (bounded by the write timeout), the events go to the memory queue, are counted as not durable and
 * are delivered; once the database is back, new events are written to it again.
 */
class OutboxDatabaseOutageTest {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    private final DataSource postgres = EmbeddedPostgresServer.newDatabase();
    private final OutboxTable table = OutboxTable.initialize(postgres);
    private final SwitchableDataSource database = new SwitchableDataSource(postgres);
    private final IngestSink sink = new IngestSink();
    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private final Map<UUID, String> tracked = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Tracker tracker = Tracker.builder()
            .outlit(OutlitOptions.of(OutboxTrackers.PUBLIC_KEY).withApiHost(sink.uri()))
            .delivery(OutboxTrackers.delivery(new OutboxTrackers.Instance("outage", Duration.ofSeconds(5),
                    Duration.ofSeconds(4), Duration.ofSeconds(2))))
            .outbox(OutboxOptions.builder(database).instanceId("outage").writeTimeout(Duration.ofSeconds(5))
                    .lease(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).build())
            .build();

    @AfterEach
    void stop() throws InterruptedException {
        database.up();
        try {
            tracker.close();
        } finally {
            callers.shutdownNow();
            assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            sink.close();
        }
    }

    @Test
    void trackStaysBoundedFallsBackToMemoryCountsItAndIsDurableAgainAfterwards() throws Exception {
        Outbox outbox = tracker.outbox().orElseThrow();

        trackConcurrently(10);
        awaitAllDelivered();
        assertThat(outbox.notDurable()).as("not durable while the database is up").isZero();

        database.fail();
        trackConcurrently(20);
        assertThat(outbox.notDurable()).as("not durable while connections are refused").isEqualTo(20);
        awaitAllDelivered();

        database.hang();
        trackConcurrently(20);
        assertThat(database.blocked()).as("calls stuck in the hanging database").isPositive();
        assertThat(outbox.notDurable()).as("not durable while the database hangs, but for the rows the writer holds:"
                + " whether they commit is not known yet").isBetween(20L, 39L);
        awaitAllDelivered();

        database.up();
        // the writer may first finish the batch it was stuck with; from then on events are durable again
        await("an event written to the database again").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long before = outbox.notDurable();
                    trackConcurrently(1);
                    return outbox.notDurable() == before;
                });
        long settled = outbox.notDurable();
        trackConcurrently(20);
        assertThat(outbox.notDurable()).as("not durable once the database is back").isEqualTo(settled);

        await("everything delivered and the table empty").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                .until(() -> Deliveries.missing(tracked, sink).isEmpty() && table.rows() == 0);
        assertThat(outbox.pending("outlit")).isZero();
        assertThat(outbox.writtenLate()).as("the rows the writer held committed once the database was back")
                .isPositive();
        Deliveries.assertNoneLostNoneInvented(tracked, tracked.keySet(), sink, "not durable " + outbox.notDurable());
        System.out.printf("outbox outage: tracked %d, not durable %d, ids resent %d%n", tracked.size(),
                outbox.notDurable(), Deliveries.resends(sink));
    }

    /** Tracks {@code count} events from the callers' pool and asserts that every call returned. */
    private void trackConcurrently(int count) throws Exception {
        CountDownLatch returned = new CountDownLatch(count);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(callers.submit(() -> {
                String seq = "0-" + sequence.getAndIncrement();
                TrackMessage message = TrackMessage.builder("report_exported").customerId("acme")
                        .property("seq", seq).build();
                tracker.track(message);
                tracked.put(message.id(), seq);
                returned.countDown();
                return null;
            }));
        }
        assertThat(returned.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("every track() returned").isTrue();
        for (Future<?> call : calls) {
            call.get();
        }
    }

    private void awaitAllDelivered() {
        await("every tracked event at the sink").atMost(GENEROUS).pollInterval(Duration.ofMillis(50))
                .until(() -> Deliveries.missing(tracked, sink).isEmpty());
    }
}
