package dev.tracking.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.local.MutableClock;
import dev.tracking.outbox.OutboxSchema;
import dev.tracking.support.Messages;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the outbox table does on every database: writing, claiming with a lease, settling, replaying, counting. */
abstract class OutboxStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(2);

    protected final MutableClock clock = new MutableClock("2026-03-01T10:00:00Z");
    private DataSource database;
    private OutboxStore store;

    /** A new empty database. */
    protected abstract DataSource newDatabase();

    private OutboxStore store() throws Exception {
        if (store == null) {
            database = newDatabase();
            OutboxSchema.initialize(database);
            OutboxSchema.initialize(database);
            store = OutboxStore.create(database, clock);
        }
        return store;
    }

    private static List<PendingRow> rows(String destination, int count) {
        return IntStream.range(0, count).mapToObj(i -> new PendingRow(destination, Messages.numbered(i),
                "{\"n\":" + i + "}", 1L)).toList();
    }

    private static List<Long> seqs(List<StoredRow> rows) {
        return rows.stream().map(StoredRow::seq).toList();
    }

    @Test
    void claimsTheOldestRowsOfItsDestinationInWritingOrder() throws Exception {
        List<PendingRow> written = rows("outlit", 5);
        store().insert(written);
        store().insert(rows("lotus", 2));
        List<StoredRow> claimed = store().claim("outlit", "a", 3, LEASE);
        assertThat(claimed).extracting(StoredRow::payload).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
        assertThat(claimed).extracting(StoredRow::messageId)
                .containsExactly(written.get(0).messageId().toString(), written.get(1).messageId().toString(),
                        written.get(2).messageId().toString());
        assertThat(claimed).extracting(StoredRow::attempts).containsOnly(1);
        assertThat(store().claim("outlit", "b", 10, LEASE)).extracting(StoredRow::payload)
                .containsExactly("{\"n\":3}", "{\"n\":4}");
        assertThat(store().claim("outlit", "c", 10, LEASE)).isEmpty();
        assertThat(store().pending("outlit")).isEqualTo(5);
        assertThat(store().pending("lotus")).isEqualTo(2);
    }

    @Test
    void aClaimIsTakenOverOnlyAfterItsLeaseExpired() throws Exception {
        store().insert(rows("outlit", 2));
        List<StoredRow> first = store().claim("outlit", "dead", 10, LEASE);
        clock.advance(LEASE);
        assertThat(store().claim("outlit", "other", 10, LEASE)).as("the lease still holds at its last ms").isEmpty();
        clock.advance(Duration.ofMillis(1));
        List<StoredRow> takenOver = store().claim("outlit", "other", 10, LEASE);
        assertThat(seqs(takenOver)).isEqualTo(seqs(first));
        assertThat(takenOver).extracting(StoredRow::attempts).containsOnly(2);
        assertThat(store().release("dead", seqs(first))).as("the dead claimer no longer holds them").isZero();
    }

    @Test
    void deletedRowsAreGoneAndReleasedRowsAreDueAtOnce() throws Exception {
        store().insert(rows("outlit", 4));
        List<Long> claimed = seqs(store().claim("outlit", "a", 4, LEASE));
        store().delete(claimed.subList(0, 2));
        assertThat(store().release("a", claimed.subList(2, 4))).isEqualTo(2);
        assertThat(seqs(store().claim("outlit", "b", 10, LEASE))).isEqualTo(claimed.subList(2, 4));
        assertThat(store().pending("outlit")).isEqualTo(2);
        assertThat(store().releaseAll("b", "lotus")).isZero();
        assertThat(store().releaseAll("b", "outlit")).isEqualTo(2);
        assertThat(store().claim("outlit", "c", 10, LEASE)).hasSize(2);
    }

    @Test
    void failedRowsStayMarkedUntilReplayedAndArePurgedAfterRetention() throws Exception {
        store().insert(rows("outlit", 3));
        List<Long> claimed = seqs(store().claim("outlit", "a", 3, LEASE));
        store().markFailed(List.of(new RowFailure(claimed.get(0), "rejected", "HTTP 400: bad event " + "x".repeat(2000)),
                new RowFailure(claimed.get(1), "retries_exhausted", null)));
        store().release("a", claimed.subList(2, 3));
        assertThat(store().failed("outlit")).isEqualTo(2);
        assertThat(store().pending("outlit")).isEqualTo(1);
        assertThat(seqs(store().claim("outlit", "b", 10, LEASE))).containsExactly(claimed.get(2));
        assertThat(reasons()).containsExactly("rejected", "retries_exhausted");

        assertThat(store().replayFailed("outlit")).as("the payloads of the rows replayed")
                .containsExactlyInAnyOrder("{\"n\":0}", "{\"n\":1}");
        assertThat(store().failed("outlit")).isZero();
        List<StoredRow> replayed = store().claim("outlit", "c", 10, LEASE);
        assertThat(seqs(replayed)).containsExactly(claimed.get(0), claimed.get(1));
        assertThat(replayed).extracting(StoredRow::attempts).containsOnly(1);

        store().markFailed(List.of(new RowFailure(claimed.get(0), "rejected", "again")));
        clock.advance(Duration.ofDays(1));
        assertThat(store().purgeFailed(Duration.ofDays(2))).isZero();
        clock.advance(Duration.ofDays(1).plusMillis(1));
        assertThat(store().purgeFailed(Duration.ofDays(2))).isEqualTo(1);
        assertThat(store().failed("outlit")).isZero();
    }

    @Test
    void rowsWrittenInARolledBackTransactionDoNotExist() throws Exception {
        store();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            store().insert(c, rows("outlit", 2));
            c.rollback();
            store().insert(c, rows("lotus", 1));
            c.commit();
        }
        assertThat(store().pending("outlit")).isZero();
        assertThat(store().pending("lotus")).isEqualTo(1);
    }

    @Test
    void aMessageWrittenTwiceIsOneRowAndNeverFailsTheBatchOrTheTransaction() throws Exception {
        List<PendingRow> first = rows("outlit", 2);
        store().insert(first);
        List<PendingRow> again = new ArrayList<>(first);
        again.add(first.get(0));
        again.addAll(rows("outlit", 1));
        store().insert(again);
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            store().insert(c, List.of(first.get(1), first.get(1)));
            c.commit();
        }
        assertThat(store().pending("outlit")).isEqualTo(3);
        assertThat(store().claim("outlit", "a", 10, LEASE)).extracting(StoredRow::messageId)
                .doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void countsRowsUpToTheLastOneWritten() throws Exception {
        assertThat(store().lastSeq("outlit")).isZero();
        store().insert(rows("outlit", 3));
        long last = store().lastSeq("outlit");
        store().insert(rows("outlit", 2).stream().map(r -> new PendingRow("outlit", Messages.numbered(9),
                r.payload(), 1L)).toList().subList(0, 1));
        assertThat(store().pendingUpTo("outlit", last)).isEqualTo(3);
        store().delete(seqs(store().claim("outlit", "a", 2, LEASE)));
        assertThat(store().pendingUpTo("outlit", last)).isEqualTo(1);
        assertThat(store().pending("outlit")).isEqualTo(2);
    }

    @Test
    void twoStoresClaimingAtOnceNeverGetTheSameRow() throws Exception {
        int count = 1200;
        for (int i = 0; i < count; i += 200) {
            store().insert(rows("outlit", 200));
        }
        OutboxStore other = OutboxStore.create(database, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Long>>> claimers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            OutboxStore claimer = t % 2 == 0 ? store : other;
            String owner = "instance-" + t;
            Callable<List<Long>> claimAll = () -> {
                go.await();
                List<Long> mine = new ArrayList<>();
                List<StoredRow> batch;
                while (!(batch = claimer.claim("outlit", owner, 7, LEASE)).isEmpty()) {
                    mine.addAll(seqs(batch));
                }
                return mine;
            };
            claimers.add(pool.submit(claimAll));
        }
        go.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> claimer : claimers) {
            all.addAll(claimer.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Set<Long> distinct = new HashSet<>(all);
        assertThat(all).as("no row claimed twice").hasSize(distinct.size());
        assertThat(distinct).hasSize(count);
    }

    private List<String> reasons() throws Exception {
        List<String> reasons = new ArrayList<>();
        try (Connection c = database.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT failed_reason, failed_detail FROM tracking_outbox"
                        + " WHERE failed_reason IS NOT NULL ORDER BY seq")) {
            while (rs.next()) {
                reasons.add(rs.getString(1));
                String detail = rs.getString(2);
                assertThat(detail == null || detail.length() <= 1000).isTrue();
            }
        }
        return reasons;
    }
}
