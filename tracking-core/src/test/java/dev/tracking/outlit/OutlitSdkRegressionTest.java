package dev.tracking.outlit;

import static dev.tracking.contract.OutlitServer.json;
import static dev.tracking.outlit.OutlitTestTrackers.DELIVERY;
import static dev.tracking.outlit.OutlitTestTrackers.tracker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tracking.DestinationStats;
import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.TrackingListener;
import dev.tracking.contract.OutlitServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One test for each failure of the Outlit Node SDK that this tracker must not repeat. */
class OutlitSdkRegressionTest {

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void aLargeBacklogIsSentInRequestsOfAtMost100Events() {
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY.toBuilder().maxBatchSize(1000).build())) {
            for (int i = 0; i < 250; i++) {
                tracker.track(event(i));
            }
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(outlit.bodies()).allSatisfy(body -> assertThat(body.path("events").size()).isBetween(1, 100));
        assertThat(outlit.events()).hasSize(250);
    }

    @Test
    void aFailedSizeTriggeredSendThrowsNowhereAndSendingContinues() {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        outlit.respond(json(500, "{\"success\":false,\"message\":\"boom\"}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            for (int i = 0; i < 100; i++) {
                tracker.track(event(i));
            }
            await().until(() -> tracker.stats().get(0).failed() == 100);
            outlit.respond(json(200, "{\"success\":true}"));
            tracker.track(event(100));

            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void flushDuringARunningFlushWaitsForBoth() {
        outlit.respond(json(200, "{\"success\":true}").withFixedDelay(300));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            CompletableFuture<Void> first = tracker.flush();
            await().until(() -> outlit.requests().size() == 1);
            tracker.track(event(2));
            CompletableFuture<Void> second = tracker.flush();

            assertThat(second).isNotDone();
            second.join();
            assertThat(first).isDone();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(2);
            assertThat(outlit.events()).hasSize(2);
        }
    }

    @Test
    void a400FailsThatBatchWithTheServersMessageAndLaterBatchesAreStillSent() {
        outlit.respondInSequence(json(400, "{\"success\":false,\"message\":\"Invalid event payload\"}"),
                json(200, "{\"success\":true}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            tracker.track(event(2));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.failedByReason()).containsEntry("http_400", 1L);
            assertThat(stats.lastFailure().detail()).contains("Invalid event payload");
            assertThat(stats.delivered()).isEqualTo(1);
        }
        assertThat(outlit.requests()).hasSize(2);
    }

    @Test
    void aFailedShutdownLeavesItsEventsCountedNotVanished() {
        outlit.respond(json(503, "{\"success\":false,\"message\":\"maintenance\"}"));
        Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY.toBuilder().shutdownTimeout(Duration.ofMillis(500))
                .retry(DELIVERY.retry().toBuilder().maxAttempts(1000).maxBackoff(Duration.ofMillis(100)).build())
                .build());
        for (int i = 0; i < 5; i++) {
            tracker.track(event(i));
        }

        tracker.close();

        DestinationStats stats = tracker.stats().get(0);
        assertThat(stats.accepted()).isEqualTo(5);
        assertThat(stats.failed()).isEqualTo(5);
        assertThat(stats.failedByReason()).containsOnlyKeys("shutdown");
        assertThat(stats.pending()).isZero();
        assertThat(outlit.requests()).isNotEmpty();
    }

    @Test
    void a207CountsTheListedEventsAsFailedAndTheRestAsDelivered() {
        outlit.respond(json(207, "{\"success\":true,\"processed\":2,"
                + "\"errors\":[{\"index\":1,\"message\":\"invalid email\"}]}"));
        List<Message> failed = new CopyOnWriteArrayList<>();
        TrackingListener listener = new TrackingListener() {
            @Override
            public void onFailed(String destination, List<? extends Message> messages, Failure failure) {
                failed.addAll(messages);
            }
        };
        TrackMessage second = event(1);
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY, listener)) {
            tracker.track(event(0));
            tracker.track(second);
            tracker.track(event(2));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.delivered()).isEqualTo(2);
            assertThat(stats.failedByReason()).containsEntry("rejected", 1L);
            assertThat(stats.lastFailure().detail()).isEqualTo("invalid email");
        }
        assertThat(failed).containsExactly(second);
    }

    @Test
    void a429WithRetryAfterWaitsAboutThatLongBeforeRetrying() {
        outlit.respondInSequence(json(429, "{\"success\":false,\"message\":\"slow down\"}")
                .withHeader("Retry-After", "2"), json(200, "{\"success\":true}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
        }

        var requests = outlit.requests();
        assertThat(requests).hasSize(2);
        long gapMillis = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gapMillis).isGreaterThanOrEqualTo(1900);
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        outlit.wireMock().verify(2, WireMock.postRequestedFor(WireMock.urlPathMatching(".*/events")));
    }

    private static TrackMessage event(int n) {
        return TrackMessage.builder("event_" + n).userId("u" + n).property("n", n).build();
    }
}
