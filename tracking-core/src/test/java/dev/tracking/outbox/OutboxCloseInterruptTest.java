package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DeliveryOptions;
import dev.tracking.Tracker;
import dev.tracking.support.Messages;
import dev.tracking.support.ScriptedDestination;
import dev.tracking.support.TrackingThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A close whose thread is interrupted while it waits for the outbox's senders. */
class OutboxCloseInterruptTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create(
            "jdbc:h2:mem:outboxcloseinterrupt;DB_CLOSE_DELAY=-1", "sa", "");
    private final ScriptedDestination first = new ScriptedDestination("first").hold();
    private final ScriptedDestination second = new ScriptedDestination("second").hold();
    private final TrackingThreads threads = TrackingThreads.now();
    private Tracker tracker;

    @AfterEach
    void releaseAndDispose() {
        first.open();
        second.open();
        if (tracker != null) {
            tracker.close();
        }
        threads.awaitAllEnded();
        pool.dispose();
    }

    @Test
    void anInterruptedCloseCompletesTheFlushesReturnsEarlyAndKeepsTheInterrupt() {
        OutboxSchema.initialize(pool);
        tracker = Tracker.builder().destination(first).destination(second)
                .delivery(DeliveryOptions.builder().shutdownTimeout(Duration.ofSeconds(60)).build())
                .outbox(OutboxOptions.builder(pool).pollInterval(Duration.ofMillis(50)).build()).build();
        tracker.track(Messages.numbered(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.batches().isEmpty() && !second.batches().isEmpty());
        CompletableFuture<Void> flush = tracker.flush();

        AtomicBoolean interruptedAfterClose = new AtomicBoolean();
        Tracker closing = tracker;
        Thread closer = new Thread(() -> {
            closing.close();
            interruptedAfterClose.set(Thread.currentThread().isInterrupted());
        }, "test-closer");
        closer.start();
        // The writer has stopped and the closer waits: it is waiting for the senders, both held in a send.
        await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.TIMED_WAITING
                && !threads.startedSince().contains("tracking-outbox-writer"));
        closer.interrupt();

        // The shutdown timeout would allow 60 s; an interrupted close gives up at once on the senders.
        await().atMost(Duration.ofSeconds(30)).until(() -> !closer.isAlive());
        assertThat(flush).as("the flush waiting on the senders").isCompleted();
        assertThat(interruptedAfterClose).as("interrupt flag when close() returned").isTrue();
        // both senders are stopped, the one the closer was waiting for and the one after it, not left in their sends
        await().atMost(Duration.ofSeconds(30)).alias("both senders stopped")
                .until(() -> !threads.startedSince().contains("tracking-outbox-first")
                        && !threads.startedSince().contains("tracking-outbox-second"));
    }
}
