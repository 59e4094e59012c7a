package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.RetryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.internal.outbox.OutboxCodec;
import dev.tracking.internal.outbox.OutboxStore;
import dev.tracking.internal.outbox.PendingRow;
import dev.tracking.local.MutableClock;
import dev.tracking.spi.SendResult;
import dev.tracking.support.Messages;
import dev.tracking.support.ScriptedDestination;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tracker with the outbox on, end to end, on every database. */
abstract class OutboxTrackerContract {

    static final Duration WAIT = Duration.ofSeconds(30);

    protected DataSource database;
    private final List<Tracker> trackers = new ArrayList<>();

    protected abstract DataSource newDatabase();

    DataSource database() {
        if (database == null) {
            database = newDatabase();
            OutboxSchema.initialize(database);
        }
        return database;
    }

    @AfterEach
    void closeTrackers() {
        trackers.forEach(Tracker::close);
    }

    Tracker tracker(ScriptedDestination sink, UnaryOperator<OutboxOptions.Builder> options,
            TrackingListener... listeners) {
        return tracker(sink, database(), options, listeners);
    }

    Tracker tracker(ScriptedDestination sink, DataSource dataSource, UnaryOperator<OutboxOptions.Builder> options,
            TrackingListener... listeners) {
        return tracker(sink, dataSource, options, Clock.systemUTC(), listeners);
    }

    Tracker tracker(ScriptedDestination sink, DataSource dataSource, UnaryOperator<OutboxOptions.Builder> options,
            Clock clock, TrackingListener... listeners) {
        database();
        var builder = Tracker.builder().destination(sink).clock(clock)
                .delivery(DeliveryOptions.builder().flushInterval(Duration.ofMillis(20))
                        .shutdownTimeout(Duration.ofSeconds(2))
                        .retry(RetryOptions.builder().deliveryTimeout(Duration.ofSeconds(5)).build()).build())
                .outbox(options.apply(OutboxOptions.builder(dataSource).pollInterval(Duration.ofMillis(50))
                        .lease(Duration.ofSeconds(30)).writeTimeout(Duration.ofSeconds(10))).build());
        for (TrackingListener listener : listeners) {
            builder.listener(listener);
        }
        Tracker tracker = builder.build();
        trackers.add(tracker);
        return tracker;
    }

    static List<TrackMessage> track(Tracker tracker, int count) {
        List<TrackMessage> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TrackMessage message = Messages.numbered(i);
            tracker.track(message);
            sent.add(message);
        }
        return sent;
    }

    static List<UUID> ids(List<? extends Message> messages) {
        return messages.stream().map(Message::id).toList();
    }

    static List<Message> received(ScriptedDestination sink) {
        return sink.batches().stream().flatMap(List::stream).toList();
    }

    long rows(String where) throws Exception {
        try (Connection c = database().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tracking_outbox WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void assertIdentity(DestinationStats s) {
        assertThat(s.accepted()).as("accepted = delivered + failed + dropped + pending: %s", s)
                .isEqualTo(s.delivered() + s.failed() + s.dropped() + s.pending());
    }

    @Test
    void aTrackedEventIsInTheTableWhenTrackReturnsThenDeliveredWithItsIdAndTimestampAndDeleted() throws Exception {
        ScriptedDestination sink = new ScriptedDestination("sink").hold();
        List<Message> accepted = new CopyOnWriteArrayList<>();
        Tracker tracker = tracker(sink, o -> o, new TrackingListener() {
            @Override
            public void onAccepted(String destination, Message message) {
                accepted.add(message);
            }
        });
        TrackMessage first = Messages.numbered(0);
        tracker.track(first);
        assertThat(rows("message_id = '" + first.id() + "'")).as("durable before track() returned").isEqualTo(1);
        List<TrackMessage> rest = track(tracker, 19);
        sink.open();
        assertThat(tracker.flush(WAIT)).isTrue();

        List<TrackMessage> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        assertThat(received(sink)).extracting(Message::id).containsExactlyInAnyOrderElementsOf(ids(all));
        assertThat(received(sink)).extracting(Message::timestamp)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Message::timestamp).toList());
        assertThat(rows("1 = 1")).isZero();
        assertThat(accepted).hasSize(20);
        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.delivered()).isEqualTo(20);
        assertThat(stats.pending()).isZero();
        assertThat(stats.accepted()).isEqualTo(20);
        assertThat(tracker.outbox().orElseThrow().notDurable()).isZero();
        assertThat(tracker.outbox().orElseThrow().destinations()).containsExactly("sink");
    }

    @Test
    void aRowThatFailedForGoodStaysMarkedAndReplayingSendsItAgain() throws Exception {
        ScriptedDestination sink = new ScriptedDestination("sink")
                .answering(batch -> SendResult.failed(batch.size(), Failure.of("rejected", "HTTP 400: bad event")));
        Tracker tracker = tracker(sink, o -> o);
        List<TrackMessage> sent = track(tracker, 3);
        assertThat(tracker.flush(WAIT)).isTrue();
        Outbox outbox = tracker.outbox().orElseThrow();
        assertThat(outbox.failed("sink")).isEqualTo(3);
        assertThat(outbox.pending("sink")).isZero();
        assertThat(rows("failed_reason = 'rejected' AND failed_detail = 'HTTP 400: bad event'"
                + " AND claimed_by IS NULL")).isEqualTo(3);
        DestinationStats failed = tracker.stats().get(0);
        assertThat(failed.failedByReason()).containsEntry("rejected", 3L);
        assertIdentity(failed);

        sink.answering(batch -> SendResult.delivered(batch.size()));
        assertThat(outbox.replayFailed("sink")).isEqualTo(3);
        await().atMost(WAIT).until(() -> rows("1 = 1") == 0);
        assertThat(received(sink).subList(3, received(sink).size())).extracting(Message::id)
                .containsExactlyInAnyOrderElementsOf(ids(sent));
        assertThat(outbox.failed("sink")).isZero();
    }

    @Test
    void aReplayAcceptsTheRowsAgainInStatsAndForListenersAlike() throws Exception {
        ScriptedDestination sink = new ScriptedDestination("sink")
                .answering(batch -> SendResult.failed(batch.size(), Failure.of("rejected", "HTTP 400: bad event")));
        AtomicInteger accepted = new AtomicInteger();
        Tracker tracker = tracker(sink, o -> o, new TrackingListener() {
            @Override
            public void onAccepted(String destination, Message message) {
                accepted.incrementAndGet();
            }
        });
        track(tracker, 3);
        assertThat(tracker.flush(WAIT)).isTrue();
        Outbox outbox = tracker.outbox().orElseThrow();
        assertThat(outbox.failed("sink")).isEqualTo(3);

        sink.answering(batch -> SendResult.delivered(batch.size()));
        assertThat(outbox.replayFailed("sink")).isEqualTo(3);
        await().atMost(WAIT).until(() -> rows("1 = 1") == 0 && tracker.stats().get(0).delivered() == 3);

        DestinationStats stats = tracker.stats().get(0);
        assertIdentity(stats);
        assertThat(stats.failed()).isEqualTo(3);
        assertThat(stats.accepted()).as("each replayed row is accepted again").isEqualTo(6);
        assertThat(accepted).as("listeners agree with stats: %s", stats).hasValue(6);
    }

    @Test
    void aRowCommittedAfterTrackStoppedWaitingIsCountedTwiceNotAsNotDurable() throws Exception {
        StallingDataSource stalling = new StallingDataSource(database());
        ScriptedDestination sink = new ScriptedDestination("sink");
        AtomicInteger accepted = new AtomicInteger();
        Tracker tracker = tracker(sink, stalling, o -> o.writeTimeout(Duration.ofSeconds(1)), new TrackingListener() {
            @Override
            public void onAccepted(String destination, Message message) {
                accepted.incrementAndGet();
            }
        });
        stalling.arm();
        TrackMessage message = Messages.numbered(0);
        Thread caller = new Thread(() -> tracker.track(message));
        caller.start();
        stalling.awaitWriterHeld();
        caller.join();
        Outbox outbox = tracker.outbox().orElseThrow();
        assertThat(outbox.notDurable()).as("the writer took the row: its outcome is not known yet").isZero();

        stalling.release();
        await().atMost(WAIT).until(() -> rows("1 = 1") == 0 && tracker.stats().get(0).delivered() == 2);

        assertThat(received(sink)).extracting(Message::id).containsExactly(message.id(), message.id());
        assertThat(outbox.writtenLate()).isEqualTo(1);
        assertThat(outbox.notDurable()).isZero();
        DestinationStats stats = tracker.stats().get(0);
        assertIdentity(stats);
        assertThat(stats.accepted()).isEqualTo(2);
        assertThat(accepted).as("listeners agree with stats: %s", stats).hasValue(2);
    }

    @Test
    void twoTrackersOnOneDatabaseBothDeliverAndEveryIdOnce() throws Exception {
        ScriptedDestination one = new ScriptedDestination("sink");
        ScriptedDestination two = new ScriptedDestination("sink");
        Tracker first = tracker(one, o -> o.instanceId("one"));
        Tracker second = tracker(two, o -> o.instanceId("two"));
        Thread other = new Thread(() -> track(second, 300));
        other.start();
        List<TrackMessage> sent = new ArrayList<>(track(first, 300));
        other.join();
        assertThat(first.flush(WAIT)).isTrue();
        assertThat(second.flush(WAIT)).isTrue();
        assertThat(first.outbox().orElseThrow().notDurable() + second.outbox().orElseThrow().notDurable())
                .as("every write in time: the happy path").isZero();
        List<Message> all = new ArrayList<>(received(one));
        all.addAll(received(two));
        Set<UUID> distinct = new HashSet<>(ids(all));
        assertThat(all).as("no id sent twice").hasSize(distinct.size()).hasSize(600);
        assertThat(distinct).containsAll(ids(sent));
        assertThat(received(one)).isNotEmpty();
        assertThat(received(two)).isNotEmpty();
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void whenTheDatabaseHangsOrRefusesTrackFallsBackToMemoryAndCountsIt() throws Exception {
        FlakyDataSource flaky = new FlakyDataSource(database());
        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, flaky, o -> o.writeTimeout(Duration.ofSeconds(3)));
        Outbox outbox = tracker.outbox().orElseThrow();

        flaky.set(FlakyDataSource.Mode.HANGS);
        List<TrackMessage> whileHanging = track(tracker, 5);
        assertThat(outbox.notDurable()).as("the writer holds the first: not known yet whether it commits")
                .isEqualTo(4);
        await().atMost(WAIT).until(() -> new HashSet<>(ids(received(sink))).containsAll(ids(whileHanging)));

        flaky.set(FlakyDataSource.Mode.REFUSES);
        List<TrackMessage> whileRefused = track(tracker, 5);
        await().atMost(WAIT).untilAsserted(() -> assertThat(outbox.notDurable())
                .as("the held write failed too").isEqualTo(10));
        assertThat(outbox.writtenLate()).isZero();
        await().atMost(WAIT).until(() -> new HashSet<>(ids(received(sink))).containsAll(ids(whileRefused)));

        flaky.set(FlakyDataSource.Mode.WORKS);
        List<TrackMessage> afterwards = track(tracker, 5);
        assertThat(outbox.notDurable()).as("durable again once the database works").isEqualTo(10);
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(new HashSet<>(ids(received(sink)))).containsAll(ids(afterwards));
        DestinationStats stats = tracker.stats().get(0);
        assertIdentity(stats);
        assertThat(stats.pending()).isZero();
    }

    @Test
    void flushCompletesWhileTheDatabaseRefusesWhenThisTrackerWroteNoRows() throws Exception {
        FlakyDataSource flaky = new FlakyDataSource(database());
        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, flaky, o -> o);
        flaky.set(FlakyDataSource.Mode.REFUSES);
        assertThat(tracker.flush(WAIT)).isTrue();
        List<TrackMessage> fromMemory = track(tracker, 1);
        assertThat(tracker.outbox().orElseThrow().notDurable()).isEqualTo(1);
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(received(sink)).extracting(Message::id).containsExactlyElementsOf(ids(fromMemory));
    }

    @Test
    void aTrackerStartsWhileTheDatabaseIsDownAndUsesTheTableOnceItIsBack() throws Exception {
        FlakyDataSource flaky = new FlakyDataSource(database());
        flaky.set(FlakyDataSource.Mode.REFUSES);
        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, flaky, o -> o.writeTimeout(Duration.ofSeconds(3)));
        List<TrackMessage> fromMemory = track(tracker, 2);
        assertThat(tracker.outbox().orElseThrow().notDurable()).isEqualTo(2);
        flaky.set(FlakyDataSource.Mode.WORKS);
        List<TrackMessage> durable = track(tracker, 3);
        assertThat(tracker.outbox().orElseThrow().notDurable()).isEqualTo(2);
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(received(sink)).extracting(Message::id)
                .containsExactlyInAnyOrderElementsOf(ids(java.util.stream.Stream.concat(fromMemory.stream(),
                        durable.stream()).toList()));
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void aCommittedTransactionDeliversItsEventsAndARolledBackOneNeverSendsThem() throws Exception {
        CollectingTransactions transactions = new CollectingTransactions();
        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, o -> o.transactions(transactions));

        transactions.begin();
        List<TrackMessage> rolledBack = track(tracker, 3);
        assertThat(rows("1 = 1")).as("nothing written before the commit").isZero();
        try (Connection c = database().getConnection()) {
            assertThat(transactions.writeAndEnd(c, false)).hasSize(3);
        }
        transactions.begin();
        List<TrackMessage> committed = track(tracker, 4);
        try (Connection c = database().getConnection()) {
            transactions.writeAndEnd(c, true);
        }
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(received(sink)).extracting(Message::id).containsExactlyInAnyOrderElementsOf(ids(committed))
                .doesNotContainAnyElementsOf(ids(rolledBack));
        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.accepted()).isEqualTo(4);
        assertThat(stats.delivered()).isEqualTo(4);
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void closeLeavesUnsentRowsUnclaimedAndTheNextTrackerDeliversThemKeepingTheIdentity() throws Exception {
        ScriptedDestination stuck = new ScriptedDestination("sink").hold();
        Tracker first = tracker(stuck, o -> o.instanceId("first"));
        List<TrackMessage> sent = track(first, 10);
        await().atMost(WAIT).until(() -> !stuck.batches().isEmpty());
        first.close();
        assertThat(rows("1 = 1")).isEqualTo(10);
        assertThat(rows("claimed_by IS NULL AND failed_reason IS NULL")).isEqualTo(10);
        assertThat(first.stats().get(0).failed()).as("unsent rows are pending, not failed").isZero();

        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker second = tracker(sink, o -> o.instanceId("second"));
        assertThat(second.flush(WAIT)).isTrue();
        assertThat(received(sink)).extracting(Message::id).containsExactlyInAnyOrderElementsOf(ids(sent));
        DestinationStats stats = second.stats().get(0);
        assertThat(stats.delivered()).isEqualTo(10);
        assertThat(stats.accepted()).isEqualTo(10);
        assertThat(stats.pending()).isZero();
        assertIdentity(stats);
    }

    @Test
    void theIdentityHoldsWhileSendingAndAtTheEndWithDeliveredAndFailedRows() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        ScriptedDestination sink = new ScriptedDestination("sink").answering(batch -> sends.incrementAndGet() % 3 == 0
                ? SendResult.failed(batch.size(), Failure.of("rejected", "no")) : SendResult.delivered(batch.size()));
        Tracker tracker = tracker(sink, o -> o);
        for (int round = 0; round < 5; round++) {
            track(tracker, 40);
            assertIdentity(tracker.stats().get(0));
        }
        assertThat(tracker.flush(WAIT)).isTrue();
        DestinationStats stats = tracker.stats().get(0);
        assertIdentity(stats);
        assertThat(stats.pending()).isZero();
        assertThat(stats.delivered() + stats.failed()).isEqualTo(200);
        assertThat(tracker.outbox().orElseThrow().failed("sink")).isEqualTo(stats.failed());
    }

    @Test
    void rowsClaimedByAnInstanceThatDiedAreDeliveredOnceTheirLeaseExpired() throws Exception {
        MutableClock clock = new MutableClock("2026-03-01T10:00:00Z");
        OutboxStore dead = OutboxStore.create(database(), clock);
        List<TrackMessage> orphans = IntStream.range(0, 4).mapToObj(Messages::numbered).toList();
        dead.insert(orphans.stream().map(m -> new PendingRow("sink", m, OutboxCodec.encode(m), clock.millis()))
                .toList());
        assertThat(dead.claim("sink", "dead", 10, Duration.ofSeconds(30))).hasSize(4);

        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, database(), o -> o.instanceId("alive"), clock);
        TrackMessage fresh = Messages.numbered(9);
        tracker.track(fresh);
        await().atMost(WAIT).until(() -> ids(received(sink)).contains(fresh.id()));
        assertThat(ids(received(sink))).as("older rows, still leased by the dead instance, are skipped")
                .doesNotContainAnyElementsOf(ids(orphans));

        clock.advance(Duration.ofSeconds(31));
        await().atMost(WAIT).until(() -> new HashSet<>(ids(received(sink))).containsAll(ids(orphans)));
        assertThat(received(sink)).extracting(Message::timestamp).containsAll(orphans.stream()
                .map(Message::timestamp).toList());
        await().atMost(WAIT).until(() -> rows("1 = 1") == 0);
        assertThat(received(sink)).hasSize(5);
    }

    @Test
    void aRowWhosePayloadCannotBeReadFailsAloneMarkedUndecodable() throws Exception {
        try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tracking_outbox (destination, message_id, payload, created_at, attempts)"
                    + " VALUES ('sink', '" + UUID.randomUUID() + "', '{\"v\":1,\"kind\":\"track\"}', 1, 0)");
        }
        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, o -> o);
        List<TrackMessage> sent = track(tracker, 2);
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(received(sink)).extracting(Message::id).containsExactlyInAnyOrderElementsOf(ids(sent));
        assertThat(rows("failed_reason = 'undecodable'")).isEqualTo(1);
        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.failedByReason()).containsEntry("undecodable", 1L);
        assertIdentity(stats);
    }

    @Test
    void pendingFollowsTheTableWhileABatchWaitsForTheDestination() throws Exception {
        ScriptedDestination sink = new ScriptedDestination("sink").hold();
        Tracker tracker = tracker(sink, o -> o);
        track(tracker, 1);
        await().atMost(WAIT).until(() -> !sink.batches().isEmpty());
        track(tracker, 20);
        await().atMost(WAIT).untilAsserted(() -> {
            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.pending()).isEqualTo(21);
            assertThat(stats.accepted()).isEqualTo(21);
        });
        sink.open();
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(tracker.stats().get(0).pending()).isZero();
    }

    @Test
    void closeReturnsWhileTheDatabaseHangsAndTheRowsWaitForTheNextTracker() throws Exception {
        FlakyDataSource flaky = new FlakyDataSource(database());
        ScriptedDestination stuck = new ScriptedDestination("sink").hold();
        Tracker first = tracker(stuck, flaky, o -> o.instanceId("first"));
        List<TrackMessage> sent = track(first, 10);
        await().atMost(WAIT).until(() -> !stuck.batches().isEmpty());
        flaky.set(FlakyDataSource.Mode.HANGS);
        stuck.open();
        assertThat(java.util.concurrent.CompletableFuture.runAsync(first::close))
                .as("close() returns").succeedsWithin(WAIT);
        flaky.set(FlakyDataSource.Mode.WORKS);
        await().atMost(WAIT).until(() -> rows("claimed_by IS NOT NULL") == 0);

        ScriptedDestination sink = new ScriptedDestination("sink");
        tracker(sink, o -> o.instanceId("second"));
        await().atMost(WAIT).until(() -> rows("1 = 1") == 0);
        List<Message> all = new ArrayList<>(received(stuck));
        all.addAll(received(sink));
        assertThat(new HashSet<>(ids(all))).containsExactlyInAnyOrderElementsOf(ids(sent));
        assertThat(rows("failed_reason IS NOT NULL")).isZero();
    }

    @Test
    void aMessageTrackedTwiceInATransactionLetsItCommitAndIsSentOnce() throws Exception {
        CollectingTransactions transactions = new CollectingTransactions();
        ScriptedDestination sink = new ScriptedDestination("sink");
        Tracker tracker = tracker(sink, o -> o.transactions(transactions));
        TrackMessage twice = Messages.numbered(1);
        tracker.track(twice);
        transactions.begin();
        tracker.track(twice);
        tracker.track(twice);
        try (Connection c = database().getConnection()) {
            transactions.writeAndEnd(c, true);
        }
        assertThat(tracker.flush(WAIT)).isTrue();
        assertThat(ids(received(sink))).contains(twice.id());
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void closeStopsTheOutboxThreads() {
        Set<Thread> before = outboxThreads();
        Tracker tracker = tracker(new ScriptedDestination("sink"), o -> o);
        track(tracker, 3);
        Set<Thread> started = outboxThreads();
        started.removeAll(before);
        assertThat(started).extracting(Thread::getName)
                .containsExactlyInAnyOrder("tracking-outbox-writer", "tracking-outbox-sink", "tracking-outbox-counter");
        tracker.close();
        assertThat(started).noneMatch(Thread::isAlive);
    }

    private static Set<Thread> outboxThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("tracking-outbox-") && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
