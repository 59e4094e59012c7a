package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.support.ScriptedDestination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's sender keeps to {@code maxBatchBytes} like the memory queue, though it claims rows by count. */
class OutboxBatchBytesTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:outboxbytes;DB_CLOSE_DELAY=-1",
            "sa", "");

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void aClaimedBatchIsSentInRequestsOfAtMostMaxBatchBytes() {
        OutboxSchema.initialize(pool);
        ScriptedDestination sink = new ScriptedDestination("sink");
        List<TrackMessage> sent = new ArrayList<>();
        // Each message is about 450 bytes: at most two fit in 1,024, while a claim takes up to 1,000 rows.
        try (Tracker tracker = Tracker.builder().destination(sink)
                .delivery(DeliveryOptions.builder().maxBatchBytes(1024).flushInterval(Duration.ofMillis(20)).build())
                .outbox(OutboxOptions.builder(pool).pollInterval(Duration.ofMillis(50)).build()).build()) {
            for (int i = 0; i < 20; i++) {
                TrackMessage message = TrackMessage.builder("export").customerId("acme").property("n", i)
                        .property("note", "x".repeat(400)).build();
                tracker.track(message);
                sent.add(message);
            }
            assertThat(tracker.flush(Duration.ofSeconds(30))).isTrue();
        }

        assertThat(sink.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(sink.batches().stream().flatMap(List::stream).map(Message::id))
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::id).toList());
    }
}
