package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.support.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same message tracked twice (an application retrying its own operation with the message it built once): without
 * the outbox that is a duplicate the vendor drops by id. With it, the second row must not break anything else: not
 * the application's transaction, and not the durability of other callers' events written in the same group commit.
 */
class OutboxDuplicateTrackTest {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    private final DataSource postgres = EmbeddedPostgresServer.newDatabase();
    private final OutboxTable table = OutboxTable.initialize(postgres).withBusinessTable();
    private final SwitchableDataSource database = new SwitchableDataSource(postgres);
    private final IngestSink sink = new IngestSink();
    private final ThreadTransactions transactions = new ThreadTransactions();
    private final List<Thread> callerThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "caller");
        thread.setDaemon(true);
        callerThreads.add(thread);
        return thread;
    });
    private final Tracker tracker = Tracker.builder()
            .outlit(OutlitOptions.of(OutboxTrackers.PUBLIC_KEY).withApiHost(sink.uri()))
            .delivery(OutboxTrackers.delivery(new OutboxTrackers.Instance("duplicates", Duration.ofSeconds(6),
                    Duration.ofSeconds(5), Duration.ofSeconds(5))))
            .outbox(OutboxOptions.builder(database).instanceId("duplicates").writeTimeout(Duration.ofSeconds(30))
                    .lease(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100)).transactions(transactions)
                    .build())
            .build();

    @AfterEach
    void stop() throws InterruptedException {
        database.up();
        sink.accept();
        try {
            tracker.close();
        } finally {
            callers.shutdownNow();
            assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            sink.close();
        }
    }

    @Test
    void aMessageTrackedTwiceInOneTransactionLetsTheTransactionCommit() throws Exception {
        TrackMessage message = event("twice");
        try (Connection connection = postgres.getConnection()) {
            transactions.begin(connection);
            insertOrder(connection, message);
            tracker.track(message);
            tracker.track(message);
            assertThatCode(transactions::commit).as("the application's commit").doesNotThrowAnyException();
        }
        assertThat(table.committedOrderEvents()).as("the business row committed").contains(message.id());
        await().atMost(GENEROUS).until(() -> sink.accepted().containsKey(message.id()));
    }

    @Test
    void aMessageTrackedAgainInATransactionWhileItsFirstRowWaitsLetsTheTransactionCommit() throws Exception {
        sink.hold();
        TrackMessage message = event("again");
        tracker.track(message);
        await().atMost(GENEROUS).until(() -> !sink.held().isEmpty());
        try (Connection connection = postgres.getConnection()) {
            transactions.begin(connection);
            insertOrder(connection, message);
            tracker.track(message);
            assertThatCode(transactions::commit).as("the application's commit").doesNotThrowAnyException();
        }
        assertThat(table.committedOrderEvents()).as("the business row committed").contains(message.id());
        sink.accept();
        await().atMost(GENEROUS).until(() -> sink.accepted().containsKey(message.id()));
    }

    @Test
    void aMessageTrackedTwiceDoesNotMakeTheOtherEventsOfItsGroupCommitNotDurable() throws Exception {
        sink.hold();
        TrackMessage repeated = event("repeated");
        tracker.track(repeated);
        // the writer's next commit waits in the hanging database, so that the calls below queue up behind it and
        // are written together in the commit after it
        database.hang();
        List<Future<?>> calls = new ArrayList<>();
        calls.add(callers.submit(() -> tracker.track(event("first-after-hang"))));
        await().atMost(GENEROUS).until(() -> database.blocked() > 0);
        for (int i = 0; i < 5; i++) {
            int n = i;
            calls.add(callers.submit(() -> tracker.track(event("other-" + n))));
        }
        calls.add(callers.submit(() -> tracker.track(repeated)));
        // each call parks in TIMED_WAITING only once its request is queued for the writer
        await("every later call waiting for its write").atMost(GENEROUS).until(() -> callerThreads.stream()
                .filter(t -> t.getState() == Thread.State.TIMED_WAITING).count() == 7);
        database.up();
        for (Future<?> call : calls) {
            call.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(tracker.outbox().orElseThrow().notDurable())
                .as("events that fell back to memory, though the database was up when they were written")
                .isLessThanOrEqualTo(1);
    }

    private static TrackMessage event(String seq) {
        return TrackMessage.builder("report_exported").customerId("acme").property("seq", seq).build();
    }

    private static void insertOrder(Connection connection, TrackMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO business_order (first_event, second_event) VALUES (?, ?)")) {
            insert.setString(1, message.id().toString());
            insert.setString(2, message.id().toString());
            insert.executeUpdate();
        }
    }
}
