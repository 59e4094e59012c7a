package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.Tracker;
import dev.tracking.support.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 13's crash test: an application JVM tracks events with the outbox on, from several threads, while the
 * vendor is slow and refuses every third request, and is killed with SIGKILL mid-stream. An instance started on
 * the same database afterwards delivers every event whose {@code track()} had returned; an id arrives twice only
 * as the same event sent again, and no id arrives that no {@code track()} began.
 *
 * <p>H2 runs in plain file mode (default {@code FILE_LOCK=FILE}, no {@code AUTO_SERVER}): the two JVMs never open
 * the file at the same time, and H2 2.x locks the file with an operating-system lock on the open file (no
 * {@code .lock.db} is left behind), which the kernel drops with the killed process, so the recovering instance
 * opens the file at once. The URL sets {@code WRITE_DELAY=0}: with H2's default (500 ms) a commit reaches the file
 * only when the background writer runs, and a process killed with SIGKILL loses what was committed in about the
 * last second (measured with H2 2.4.240: 2,000 to 14,000 of 30,000 to 44,000 committed single-row inserts gone);
 * with {@code WRITE_DELAY=0} every commit is in the file when it returns.
 */
class OutboxCrashIT {

    /** Events tracked (track() returned) before the kill. */
    private static final int TRACKED_BEFORE_KILL = 500;

    /** Of those, how many at least are not at the sink yet when the kill comes. */
    private static final int UNDELIVERED_AT_KILL = 50;

    private static final Duration GENEROUS = Duration.ofMinutes(3);

    @Test
    void postgresDeliversEveryTrackedEventAfterSigkill(@TempDir Path dir) throws Exception {
        DataSource database = EmbeddedPostgresServer.newDatabase();
        crashThenRecover(((PGSimpleDataSource) database).getURL(), database, dir, false);
    }

    @Test
    void h2FileDeliversEveryTrackedEventAfterSigkill(@TempDir Path dir) throws Exception {
        String url = h2Url(dir);
        crashThenRecover(url, OutboxTrackers.dataSource(url), dir, false);
    }

    @Test
    void postgresDeliversExactlyTheEventsOfCommittedTransactionsAfterSigkill(@TempDir Path dir) throws Exception {
        DataSource database = EmbeddedPostgresServer.newDatabase();
        crashThenRecover(((PGSimpleDataSource) database).getURL(), database, dir, true);
    }

    @Test
    void h2FileDeliversExactlyTheEventsOfCommittedTransactionsAfterSigkill(@TempDir Path dir) throws Exception {
        String url = h2Url(dir);
        crashThenRecover(url, OutboxTrackers.dataSource(url), dir, true);
    }

    private static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("outbox").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /**
     * Kills a tracking child mid-stream and recovers. With {@code transactional}, the child tracks two events per
     * business transaction ({@code business_order} row), commits three in five and rolls the others back; the sink
     * must then receive exactly the events of the orders that committed, whether or not the child got to report
     * the commit before it died.
     */
    private static void crashThenRecover(String url, DataSource database, Path dir, boolean transactional)
            throws Exception {
        OutboxTable table = OutboxTable.initialize(database);
        if (transactional) {
            table.withBusinessTable();
        }
        long start = System.nanoTime();
        try (IngestSink sink = new IngestSink().delay(Duration.ofSeconds(2)).refuseEvery(3);
                ChildJvm child = ChildJvm.start(dir.resolve("child-stderr.log"), List.of("url=" + url,
                        "sink=" + sink.uri(), "instance=crashing", "leaseMs=6000", "deliveryTimeoutMs=5000",
                        "httpTimeoutMs=10000", "threads=4", "perThread=0", "pauseMicros=500",
                        "transactions=" + transactional))) {

            child.awaitUntil("the child started", GENEROUS, child::ready);
            long ready = System.nanoTime();
            child.awaitUntil(TRACKED_BEFORE_KILL + " events tracked, " + UNDELIVERED_AT_KILL
                    + " of them undelivered, and a refused request", GENEROUS,
                    () -> child.tracked().size() >= TRACKED_BEFORE_KILL && sink.refused() >= 1
                            && Deliveries.missing(child.tracked(), sink).size() >= UNDELIVERED_AT_KILL);
            long killed = System.nanoTime();
            assertThat(child.kill()).as("exit status after destroyForcibly (137 = SIGKILL)")
                    .isEqualTo(ChildJvm.KILLED);
            assertThat(child.errors()).as("errors the child reported").isEmpty();

            Set<UUID> undelivered = Deliveries.missing(child.tracked(), sink);
            assertThat(undelivered).as("tracked events not delivered before the kill").isNotEmpty();
            assertThat(table.messageIds()).as("rows the killed instance left: every tracked, undelivered event")
                    .containsAll(undelivered);
            long leftAfterKill = table.rows();
            int deliveredBeforeKill = sink.accepted().size();

            sink.accept();
            try (Tracker recovering = OutboxTrackers.tracker(database, sink.uri(), new OutboxTrackers.Instance(
                    "recovering", Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
                await("every tracked event at the sink and the table empty").atMost(GENEROUS)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> Deliveries.missing(child.tracked(), sink).isEmpty() && table.rows() == 0);
            }
            long recovered = System.nanoTime();
            Deliveries.assertNoneLostNoneInvented(child.tracked(), child.begun(), sink, child.diagnostics());
            if (transactional) {
                Set<UUID> committed = table.committedOrderEvents();
                assertThat(committed).as("events of committed orders").containsAll(child.tracked().keySet());
                assertThat(child.rolledBack()).as("events of rolled-back orders").isNotEmpty()
                        .doesNotContainAnyElementsOf(committed);
                assertThat(sink.accepted().keySet()).as("delivered: exactly the events of committed orders")
                        .containsExactlyInAnyOrderElementsOf(committed);
            }
            System.out.printf("outbox crash (%s%s): tracked %d, began %d, delivered before the kill %d, rows left "
                    + "by the kill %d, requests refused %d, ids resent %d; child start %d ms, tracking %d ms, "
                    + "recovery %d ms%n", url.split(":")[1], transactional ? ", transactions" : "",
                    child.tracked().size(), child.begun().size(), deliveredBeforeKill, leftAfterKill,
                    sink.refused(), Deliveries.resends(sink),
                    (ready - start) / 1_000_000, (killed - ready) / 1_000_000, (recovered - killed) / 1_000_000);
        }
    }
}
