package dev.tracking.benchmarks.runs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tracking.DeliveryOptions;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.benchmarks.clients.BenchEvent;
import dev.tracking.benchmarks.measure.ResultLine;
import dev.tracking.benchmarks.sink.BenchMarker;
import dev.tracking.benchmarks.sink.SinkCount;
import dev.tracking.benchmarks.sink.SinkProbe;
import dev.tracking.outbox.Outbox;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outlit.OutlitOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/**
 * The transactional outbox on PostgreSQL, in a fresh JVM, our tracker sending to Outlit at the sink through the
 * outbox:
 * <ol>
 * <li>{@code --threads} threads call {@code track()} outside any transaction, back to back, for
 * {@code --caller-seconds} after as long a warm-up: each call's time (p50, p99, max);</li>
 * <li>{@code --transactions} transactions of each kind, alternating: an insert into a business table and 0, 1 or
 * 10 events, then the commit, which writes the events' rows on the transaction's connection: the commit's added
 * time is the median commit with events minus the median commit without (after as many for warm-up);</li>
 * <li>{@code --delivery-events} events written in transactions of 1,000 by two threads while the outbox delivers:
 * events per second from the first write to the last event counted at the sink.</li>
 * </ol>
 * Prints {@code unavailable} when the tracker cannot be built with an outbox.
 *
 * <p>Arguments: {@code --sink-port=PORT --jdbc-url=URL --threads=N --caller-seconds=S --transactions=N
 * --delivery-events=N}.
 */
public final class OutboxRun {

    private static final String SCHEMA = "dev/tracking/outbox/schema-postgresql.sql";
    private static final int DELIVERY_TRANSACTION_EVENTS = 1_000;
    private static final int DELIVERY_THREADS = 2;
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);
    private static final Duration DELIVERY_LIMIT = Duration.ofMinutes(5);

    private OutboxRun() {
    }

    public static void main(String[] args) throws Exception {
        RunArgs arguments = new RunArgs(args);
        SinkProbe sink = new SinkProbe(arguments.integer("sink-port"));
        int deliveryEvents = arguments.integer("delivery-events");
        ResultLine result = new ResultLine();
        try (HikariDataSource dataSource = dataSource(arguments.text("jdbc-url"))) {
            prepare(dataSource);
            BenchTransactions transactions = new BenchTransactions();
            Tracker tracker;
            try {
                tracker = Tracker.builder().outlit(OutlitOptions.of("pk_bench").withApiHost(sink.baseUrl()))
                        .delivery(DeliveryOptions.builder().queueCapacity(Math.max(
                                DeliveryOptions.defaults().queueCapacity(), deliveryEvents)).build())
                        .outbox(OutboxOptions.builder(dataSource).transactions(transactions).build()).build();
            } catch (RuntimeException e) {
                result.put("unavailable", "the tracker could not be built with an outbox: " + e.getMessage()).print();
                System.exit(0);
                return;
            }
            callerLatency(tracker, arguments.integer("threads"), arguments.integer("caller-seconds"), result);
            commitTimes(tracker, transactions, dataSource, arguments.integer("transactions"), result);
            result.put("settledBeforeDelivery", tracker.flush(SETTLE_LIMIT));
            delivery(tracker, transactions, dataSource, sink, deliveryEvents, result);
            result.put("notDurable", tracker.outbox().map(Outbox::notDurable).orElse(-1L));
            RunStats.addTo(result, tracker.stats());
            result.print();
            tracker.close();
        }
        System.exit(0);
    }

    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }

    /** The outbox's table (its script, as an application's migration would apply it) and a business table. */
    private static void prepare(DataSource dataSource) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (InputStream script = OutboxRun.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                if (script != null) {
                    for (String sql : new String(script.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
                        if (!sql.isBlank()) {
                            statement.execute(sql);
                        }
                    }
                }
            }
            statement.execute("CREATE TABLE IF NOT EXISTS bench_orders (id BIGSERIAL PRIMARY KEY, "
                    + "customer_id VARCHAR(64) NOT NULL, amount INT NOT NULL)");
        }
    }

    private static void track(Tracker tracker) {
        tracker.track(TrackMessage.builder(BenchEvent.NAME).customerId(BenchEvent.CUSTOMER_ID)
                .property(BenchMarker.KEY, BenchMarker.VALUE).property(BenchEvent.ROWS_KEY, BenchEvent.ROWS).build());
    }

    private static void callerLatency(Tracker tracker, int threads, int seconds, ResultLine result)
            throws InterruptedException {
        callers(tracker, threads, seconds);
        long[] latencies = callers(tracker, threads, seconds);
        Arrays.sort(latencies);
        result.put("callerThreads", threads).put("callerCalls", latencies.length)
                .put("callerCallsPerSecond", latencies.length / (double) seconds)
                .put("callerP50Millis", percentile(latencies, 50) / 1e6)
                .put("callerP99Millis", percentile(latencies, 99) / 1e6)
                .put("callerMaxMillis", latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6);
    }

    /** {@code threads} threads calling {@code track()} back to back for {@code seconds}; every call's time. */
    private static long[] callers(Tracker tracker, int threads, int seconds) throws InterruptedException {
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            long[] own = new long[1 << 16];
            perThread.add(own);
            Thread thread = new Thread(() -> {
                long[] latencies = own;
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                int count = 0;
                for (long now = System.nanoTime(); now < deadline; ) {
                    track(tracker);
                    long after = System.nanoTime();
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                        perThread.set(index, latencies);
                    }
                    latencies[count++] = after - now;
                    now = after;
                }
                counts[index] = count;
            }, "outbox-caller-" + t);
            thread.start();
            running.add(thread);
        }
        go.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        return all;
    }

    private static void commitTimes(Tracker tracker, BenchTransactions transactions, DataSource dataSource, int count,
            ResultLine result) throws SQLException {
        int[] kinds = {0, 1, 10};
        long[][] commits = new long[kinds.length][count];
        long[][] totals = new long[kinds.length][count];
        for (int round = -count; round < count; round++) {
            for (int k = 0; k < kinds.length; k++) {
                int kind = (k + Math.floorMod(round, kinds.length)) % kinds.length;
                long start = System.nanoTime();
                long commitStart;
                try (Connection connection = dataSource.getConnection()) {
                    transactions.begin(connection);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO bench_orders (customer_id, amount) VALUES (?, ?)")) {
                        insert.setString(1, BenchEvent.CUSTOMER_ID);
                        insert.setInt(2, 42);
                        insert.executeUpdate();
                    }
                    for (int e = 0; e < kinds[kind]; e++) {
                        track(tracker);
                    }
                    commitStart = System.nanoTime();
                    transactions.commit();
                }
                long end = System.nanoTime();
                if (round >= 0) {
                    commits[kind][round] = end - commitStart;
                    totals[kind][round] = end - start;
                }
            }
        }
        double base = median(commits[0]);
        double baseTotal = median(totals[0]);
        result.put("transactions", count).put("commitMillis0", base / 1e6)
                .put("addedCommitMillis1", (median(commits[1]) - base) / 1e6)
                .put("addedCommitMillis10", (median(commits[2]) - base) / 1e6)
                .put("transactionMillis0", baseTotal / 1e6)
                .put("addedTransactionMillis1", (median(totals[1]) - baseTotal) / 1e6)
                .put("addedTransactionMillis10", (median(totals[2]) - baseTotal) / 1e6);
    }

    private static void delivery(Tracker tracker, BenchTransactions transactions, DataSource dataSource,
            SinkProbe sink, int events, ResultLine result) throws InterruptedException {
        sink.reset();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        String[] failure = new String[1];
        int perThread = events / DELIVERY_THREADS;
        for (int t = 0; t < DELIVERY_THREADS; t++) {
            Thread writer = new Thread(() -> {
                try {
                    go.await();
                    for (int written = 0; written < perThread; ) {
                        int batch = Math.min(DELIVERY_TRANSACTION_EVENTS, perThread - written);
                        try (Connection connection = dataSource.getConnection()) {
                            transactions.begin(connection);
                            for (int i = 0; i < batch; i++) {
                                track(tracker);
                            }
                            transactions.commit();
                        }
                        written += batch;
                    }
                } catch (SQLException | RuntimeException e) {
                    failure[0] = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "outbox-writer-" + t);
            writer.start();
            writers.add(writer);
        }
        int total = perThread * DELIVERY_THREADS;
        long start = System.nanoTime();
        go.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        long written = System.nanoTime();
        SinkCount count = sink.awaitEvents(total, DELIVERY_LIMIT, 5);
        double seconds = (count.lastEventNanos() - start) / 1e9;
        result.put("deliveryEvents", total).put("delivered", count.events())
                .put("deliveredComplete", count.events() >= total)
                .put("deliveredPerSecond", count.events() / seconds)
                .put("deliveryWriteSeconds", (written - start) / 1e9)
                .put("deliveryFailure", failure[0] == null ? "" : failure[0]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 50);
    }
}
