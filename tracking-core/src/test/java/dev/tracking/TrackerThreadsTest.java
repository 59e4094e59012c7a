package dev.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracking.contract.OutlitServer;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpRequest;
import dev.tracking.http.HttpSender;
import dev.tracking.http.ReplyHeaders;
import dev.tracking.lotus.LotusClient;
import dev.tracking.support.LotusServer;
import dev.tracking.support.TrackingThreads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Everything a tracker starts, it stops: no library thread outlives {@code close()}. */
class TrackerThreadsTest {

    private final LotusServer lotus = new LotusServer();
    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stopServers() {
        lotus.close();
        outlit.close();
    }

    @Test
    void aTrackerThatSentLargeLotusBodiesAndRefreshedAccessLeavesNoThreadBehind() {
        TrackingThreads threads = TrackingThreads.now();
        Tracker tracker = Tracker.builder().lotus(lotus.lotusOptions()).outlit(outlit.outlitOptions())
                .entitlements(EntitlementOptions.builder().cacheTtl(Duration.ofMillis(1)).build())
                .build();

        String note = "x".repeat(4_000);
        for (int i = 0; i < 200; i++) {
            tracker.track(TrackMessage.builder("api_call").userId("u1").customerId("acme").property("note", note)
                    .build());
        }
        assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
        tracker.entitlements().checkFeature("acme", "export");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            tracker.entitlements().checkFeature("acme", "export");
            return lotus.featureChecks() >= 2;
        });
        assertThat(threads.startedSince()).contains("tracking-http-deadlines-lotus",
                "tracking-http-deadlines-outlit", "tracking-lotus-access-refresh-1", "tracking-sender-lotus",
                "tracking-sender-outlit");
        assertThat(lotus.largestTrackBody()).isGreaterThan(512 * 1024);

        tracker.close();

        threads.awaitAllEnded();
        assertThat(threads.startedSince()).isEmpty();
    }

    @Test
    void aSenderTheApplicationSuppliedStaysOpenAfterTheTrackerCloses() {
        AtomicBoolean closed = new AtomicBoolean();
        HttpSender applications = new HttpSender() {
            @Override
            public HttpReply send(HttpRequest request) {
                return new HttpReply(201, ReplyHeaders.of(),
                        "{\"success\":\"all\",\"failed_events\":null}".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        Tracker tracker = Tracker.builder().lotus(lotus.lotusOptions()).httpSender(applications).build();
        tracker.track(TrackMessage.builder("api_call").customerId("acme").build());
        assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

        tracker.close();

        assertThat(closed).isFalse();
        assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
    }

    @Test
    void aLotusClientOfItsOwnStopsItsThreadWhenClosed() {
        TrackingThreads threads = TrackingThreads.now();
        LotusClient client = LotusClient.create(lotus.lotusOptions());
        client.checkFeature("acme", "export");
        assertThat(threads.startedSince()).contains("tracking-http-deadlines-lotus");

        client.close();

        threads.awaitAllEnded();
        assertThat(threads.startedSince()).isEmpty();
    }
}
