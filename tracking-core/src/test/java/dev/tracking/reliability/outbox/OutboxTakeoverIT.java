package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
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
 * Two instances on one PostgreSQL outbox, one killed mid-batch: instance A (a child JVM) tracks events, delivers a
 * first batch slowly, then claims a batch whose request the vendor holds unanswered, and is killed with SIGKILL
 * while it waits. Instance B (a tracker
 * in this JVM, short lease) takes A's claimed rows over once A's lease ran out and delivers them, and every other
 * row, with no id lost.
 *
 * <p>A's request timeout (30 s) is far longer than its delivery timeout, so that the held request is still
 * waiting when the kill comes, however loaded the machine: the delivery timeout bounds the retries, not the attempt
 * in flight.
 */
class OutboxTakeoverIT {

    private static final int EVENTS = 250;
    private static final Duration GENEROUS = Duration.ofMinutes(3);

    @Test
    void survivorDeliversTheBatchClaimedByAKilledInstanceAfterItsLease(@TempDir Path dir) throws Exception {
        DataSource database = EmbeddedPostgresServer.newDatabase();
        OutboxTable table = OutboxTable.initialize(database);
        // the first request is answered slowly, so that A has tracked every event when it claims the next batch
        try (IngestSink sink = new IngestSink().delay(Duration.ofSeconds(5));
                ChildJvm a = ChildJvm.start(dir.resolve("instance-a-stderr.log"), List.of(
                        "url=" + ((PGSimpleDataSource) database).getURL(), "sink=" + sink.uri(),
                        "instance=instance-a", "leaseMs=4000", "deliveryTimeoutMs=3000", "httpTimeoutMs=30000",
                        "threads=2", "perThread=" + EVENTS / 2, "pauseMicros=0"))) {

            a.awaitUntil("A tracking " + EVENTS + " events", GENEROUS, a::done);
            sink.hold();
            a.awaitUntil("A sending a batch the vendor holds", GENEROUS, () -> !sink.held().isEmpty());
            Set<UUID> inFlight = Deliveries.flatten(sink.held());
            assertThat(a.kill()).as("exit status after destroyForcibly (137 = SIGKILL)").isEqualTo(ChildJvm.KILLED);
            assertThat(a.errors()).as("errors A reported").isEmpty();
            assertThat(a.tracked()).hasSize(EVENTS);

            int deliveredByA = sink.accepted().size();
            assertThat(table.messageIds()).as("every event A had not delivered, still in the table")
                    .containsAll(Deliveries.missing(a.tracked(), sink));
            assertThat(table.claimedBy("instance-a")).as("A's claim on the batch it was sending")
                    .containsAll(inFlight);
            assertThat(inFlight).as("the held batch").isNotEmpty().doesNotContainAnyElementsOf(
                    sink.accepted().keySet());

            sink.accept();
            try (Tracker b = OutboxTrackers.tracker(database, sink.uri(), new OutboxTrackers.Instance("instance-b",
                    Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(1)))) {
                await("B delivering every row, A's claimed batch included").atMost(GENEROUS)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> Deliveries.missing(a.tracked(), sink).isEmpty() && table.rows() == 0);
                DestinationStats outlit = b.stats().stream().filter(s -> s.destination().equals("outlit"))
                        .findFirst().orElseThrow();
                assertThat(outlit.failed()).as("failed in B").isZero();
                assertThat(b.outbox()).hasValueSatisfying(outbox -> {
                    assertThat(outbox.pending("outlit")).isZero();
                    assertThat(outbox.failed("outlit")).isZero();
                });
            }
            assertThat(sink.accepted().keySet()).as("A's claimed batch, delivered by B").containsAll(inFlight);
            Deliveries.assertNoneLostNoneInvented(a.tracked(), a.begun(), sink, a.diagnostics());
            System.out.printf("outbox takeover: %d events, %d delivered by A, %d in A's held batch(es), %d ids "
                    + "resent%n", EVENTS, deliveredByA, inFlight.size(), Deliveries.resends(sink));
        }
    }
}
