package dev.tracking.reliability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.DestinationStats;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outlit.OutlitOptions;
import dev.tracking.support.EmbeddedPostgresServer;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the vendor is down, a covered destination's counters still follow what is tracked: the events written to
 * the table while one batch waits for its answer show up in {@code pending} and {@code accepted} (read from the
 * table, cached for about a poll interval), so that health and metrics see the backlog grow during the outage.
 */
class OutboxPendingCountTest {

    private final DataSource postgres = EmbeddedPostgresServer.newDatabase();
    private final IngestSink sink = new IngestSink().hold();
    private final Tracker tracker;

    OutboxPendingCountTest() {
        OutboxTable.initialize(postgres);
        // the held request waits for its answer for up to 10 minutes, as during a long vendor outage
        tracker = Tracker.builder()
                .outlit(OutlitOptions.of(OutboxTrackers.PUBLIC_KEY).withApiHost(sink.uri()))
                .delivery(OutboxTrackers.delivery(new OutboxTrackers.Instance("counting", Duration.ofMinutes(11),
                        Duration.ofMinutes(10), Duration.ofMinutes(10))))
                .outbox(OutboxOptions.builder(postgres).instanceId("counting").lease(Duration.ofMinutes(11))
                        .writeTimeout(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).build())
                .build();
    }

    @AfterEach
    void stop() {
        sink.accept();
        try {
            tracker.close();
        } finally {
            sink.close();
        }
    }

    @Test
    void pendingCountsTheRowsWrittenWhileABatchWaitsForTheVendor() {
        tracker.track(event(0));
        await("a batch in flight").atMost(Duration.ofMinutes(1)).until(() -> !sink.held().isEmpty());
        for (int i = 1; i <= 50; i++) {
            tracker.track(event(i));
        }
        await("pending and accepted counting all 51 events (poll interval 100 ms)").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    DestinationStats outlit = outlit();
                    assertThat(outlit.pending()).as("pending").isEqualTo(51);
                    assertThat(outlit.accepted()).as("accepted").isEqualTo(51);
                });
    }

    private DestinationStats outlit() {
        return tracker.stats().stream().filter(s -> s.destination().equals("outlit")).findFirst().orElseThrow();
    }

    private static TrackMessage event(int n) {
        return TrackMessage.builder("report_exported").customerId("acme").property("seq", "0-" + n).build();
    }
}
