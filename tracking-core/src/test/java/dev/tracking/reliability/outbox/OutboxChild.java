package dev.tracking.reliability.outbox;

import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.outbox.OutboxTransactions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The application the crash tests kill: a JVM of its own that builds a tracker with the outbox on and tracks
 * events from several threads until it is killed (or a given number per thread, then waits to be killed).
 *
 * <p>Arguments are {@code key=value}: {@code url} (JDBC URL), {@code sink} (base URL of the {@link IngestSink}),
 * {@code instance}, {@code leaseMs}, {@code deliveryTimeoutMs}, {@code httpTimeoutMs}, {@code threads},
 * {@code perThread} (0: until killed), {@code pauseMicros} (between two events of a thread), {@code transactions}
 * ({@code true}: the events are tracked inside business transactions, see {@link #inTransaction}).
 *
 * <p>It reports on stdout, one line per {@code write(2)} so that a kill never leaves half a line:
 * {@code READY}; {@code BEGIN <id>} before {@code track()} of a message; {@code ID <id> <seq>} after that
 * {@code track()} returned (in a transaction: after the commit returned); {@code ROLLEDBACK <id>} after the
 * rollback of its transaction; {@code DONE} when every thread finished; {@code ERROR <text>} on any exception. It exits
 * when stdin closes, so a test JVM that dies takes its children along.
 */
public final class OutboxChild {

    private static final OutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

    private OutboxChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        exitWhenStdinCloses();
        Map<String, String> options = parse(args);
        DataSource database = OutboxTrackers.dataSource(options.get("url"));
        ThreadTransactions transactions = Boolean.parseBoolean(options.get("transactions"))
                ? new ThreadTransactions() : null;
        Tracker tracker;
        try {
            tracker = OutboxTrackers.tracker(database, URI.create(options.get("sink")),
                    new OutboxTrackers.Instance(options.get("instance"), millis(options, "leaseMs"),
                            millis(options, "deliveryTimeoutMs"), millis(options, "httpTimeoutMs")),
                    transactions != null ? transactions : OutboxTransactions.NONE);
        } catch (RuntimeException e) {
            fail(e);
            Runtime.getRuntime().halt(2);
            return;
        }
        int threads = Integer.parseInt(options.get("threads"));
        int perThread = Integer.parseInt(options.get("perThread"));
        long pauseNanos = Long.parseLong(options.get("pauseMicros")) * 1_000;
        emit("READY");
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    for (int i = 0; perThread == 0 || i < perThread; i++) {
                        if (transactions == null) {
                            String seq = thread + "-" + i;
                            TrackMessage message = event(seq);
                            emit("BEGIN " + message.id());
                            tracker.track(message);
                            emit("ID " + message.id() + " " + seq);
                        } else {
                            inTransaction(database, transactions, tracker, thread, i);
                        }
                        // paces the load so that the kill comes mid-stream rather than after a burst
                        LockSupport.parkNanos(pauseNanos);
                    }
                } catch (SQLException | RuntimeException | Error e) {
                    fail(e);
                } finally {
                    finished.countDown();
                }
            }, "tracking-client-" + t);
            worker.start();
        }
        finished.await();
        emit("DONE");
        // waits to be killed: closing the tracker here would deliver what the test wants left in the table
        new CountDownLatch(1).await();
    }

    /**
     * One business transaction: a row in {@code business_order} naming two events tracked inside it; then, by
     * {@code i}, a commit (three in five), an exception after {@code track()} that rolls back before anything was
     * written, or a commit that fails after the outbox rows were written on the transaction's connection.
     */
    private static void inTransaction(DataSource database, ThreadTransactions transactions, Tracker tracker,
            int thread, int i) throws SQLException {
        String seqA = thread + "-" + (2 * i);
        String seqB = thread + "-" + (2 * i + 1);
        TrackMessage a = event(seqA);
        TrackMessage b = event(seqB);
        try (Connection connection = database.getConnection()) {
            transactions.begin(connection);
            try (PreparedStatement order = connection.prepareStatement(
                    "INSERT INTO business_order (first_event, second_event) VALUES (?, ?)")) {
                order.setString(1, a.id().toString());
                order.setString(2, b.id().toString());
                order.executeUpdate();
            }
            emit("BEGIN " + a.id());
            emit("BEGIN " + b.id());
            tracker.track(a);
            tracker.track(b);
            switch (i % 5) {
                case 3 -> {
                    transactions.rollback();
                    emit("ROLLEDBACK " + a.id());
                    emit("ROLLEDBACK " + b.id());
                }
                case 4 -> {
                    transactions.writeThenRollback();
                    emit("ROLLEDBACK " + a.id());
                    emit("ROLLEDBACK " + b.id());
                }
                default -> {
                    transactions.commit();
                    emit("ID " + a.id() + " " + seqA);
                    emit("ID " + b.id() + " " + seqB);
                }
            }
        }
    }

    private static TrackMessage event(String seq) {
        return TrackMessage.builder("report_exported").customerId("acme").property("seq", seq).build();
    }

    private static void fail(Throwable e) {
        e.printStackTrace();
        emit("ERROR " + String.valueOf(e).replace('\n', ' '));
    }

    private static void emit(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (STDOUT) {
            try {
                STDOUT.write(bytes);
            } catch (IOException e) {
                Runtime.getRuntime().halt(3);
            }
        }
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent writes nothing; EOF means it is gone
                }
            } catch (IOException e) {
                // treated like EOF
            }
            Runtime.getRuntime().halt(4);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Duration millis(Map<String, String> options, String key) {
        return Duration.ofMillis(Long.parseLong(options.get(key)));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
