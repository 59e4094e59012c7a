package dev.tracking.outlit;

import static dev.tracking.contract.OutlitServer.json;
import static dev.tracking.outlit.OutlitTestTrackers.DELIVERY;
import static dev.tracking.outlit.OutlitTestTrackers.tracker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutlitResponseHandlingTest {

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void a403MarksTheCredentialsRejectedAndLaterBatchesAreStillSent() {
        outlit.respondInSequence(json(403, "{\"success\":false,\"message\":\"Invalid public key\"}"),
                json(200, "{\"success\":true}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            DestinationStats rejected = tracker.stats().get(0);
            assertThat(rejected.credentialsRejected()).isTrue();
            assertThat(rejected.failedByReason()).containsEntry("http_403", 1L);
            assertThat(rejected.lastFailure().detail()).contains("Invalid public key").doesNotContain("pk_test_1");

            tracker.track(event(2));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
            assertThat(tracker.stats().get(0).credentialsRejected()).isFalse();
        }
    }

    @Test
    void serverErrorsAreRetriedUntilTheAttemptsRunOutKeepingTheLastCause() {
        outlit.respond(json(502, "{\"success\":false,\"message\":\"bad gateway\"}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.failedByReason()).containsOnlyKeys("retries_exhausted");
            assertThat(stats.consecutiveFailures()).isEqualTo(3);
        }
        assertThat(outlit.requests()).hasSize(3);
    }

    @Test
    void theRetriedFailureKeepsTheLastCauseInItsDetail() {
        outlit.respond(json(500, "{\"success\":false,\"message\":\"database down\"}"));
        var failures = new java.util.concurrent.CopyOnWriteArrayList<dev.tracking.Failure>();
        dev.tracking.TrackingListener listener = new dev.tracking.TrackingListener() {
            @Override
            public void onFailed(String destination, java.util.List<? extends dev.tracking.Message> messages,
                    dev.tracking.Failure failure) {
                failures.add(failure);
            }
        };
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY, listener)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.reason()).isEqualTo("retries_exhausted");
            assertThat(failure.detail()).contains("http_500").contains("database down");
        });
    }

    @Test
    void aRateLimitResetHeaderIsHonouredBeforeRetrying() {
        long reset = Instant.now().getEpochSecond() + 2;
        outlit.respondInSequence(json(429, "{\"success\":false,\"message\":\"rate limited\"}")
                .withHeader("X-RateLimit-Reset", Long.toString(reset)), json(200, "{\"success\":true}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
        }
        var requests = outlit.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getLoggedDate().getTime()).isGreaterThanOrEqualTo((reset - 1) * 1000);
    }

    @Test
    void aUsedUpRateLimitWindowDelaysTheNextRequestUntilItsReset() {
        long reset = Instant.now().getEpochSecond() + 2;
        outlit.respondInSequence(json(200, "{\"success\":true}").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset)), json(200, "{\"success\":true}"));
        try (Tracker tracker = tracker(outlit.outlitOptions(), DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            tracker.track(event(2));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(2);
        }
        var requests = outlit.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getLoggedDate().getTime()).isGreaterThanOrEqualTo((reset - 1) * 1000);
    }

    @Test
    void aTimedOutRequestIsRetriedWithTheSameIdAndTimestamp() {
        outlit.respondInSequence(json(200, "{\"success\":true}").withFixedDelay(1500), json(200, "{\"success\":true}"));
        DeliveryOptions shortTimeout = DELIVERY.toBuilder().httpTimeout(Duration.ofMillis(300)).build();
        try (Tracker tracker = tracker(outlit.outlitOptions(), shortTimeout)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(tracker.stats().get(0).delivered()).isEqualTo(1);
            assertThat(tracker.stats().get(0).lastFailure().reason()).isEqualTo("timeout");
        }
        var bodies = outlit.bodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1).path("events").get(0)).isEqualTo(bodies.get(0).path("events").get(0));
    }

    @Test
    void anUnreachableServerIsRetriedThenCountedAsFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OutlitOptions unreachable = outlit.outlitOptions().withApiHost(URI.create("http://127.0.0.1:" + closedPort));
        try (Tracker tracker = tracker(unreachable, DELIVERY)) {
            tracker.track(event(1));
            assertThat(tracker.flush(Duration.ofSeconds(10))).isTrue();

            DestinationStats stats = tracker.stats().get(0);
            assertThat(stats.failedByReason()).containsEntry("retries_exhausted", 1L);
            assertThat(stats.lastFailure().reason()).isEqualTo("connection");
        }
    }

    @Test
    void twoTrackersInOneJvmDoNotInterfere() {
        try (OutlitServer other = new OutlitServer()) {
            other.respond(json(500, "{\"success\":false,\"message\":\"down\"}"));
            Tracker failing = tracker(other.outlitOptions(), DELIVERY);
            try (Tracker healthy = tracker(outlit.outlitOptions(), DELIVERY)) {
                failing.track(event(1));
                healthy.track(event(2));
                failing.close();
                healthy.track(event(3));

                assertThat(healthy.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(healthy.stats().get(0).delivered()).isEqualTo(2);
                assertThat(failing.stats().get(0).delivered()).isZero();
                assertThat(failing.stats().get(0).failed()).isEqualTo(1);
            }
            assertThat(outlit.events()).extracting(e -> e.path("eventName").asString())
                    .containsExactly("event_2", "event_3");
        }
    }

    private static TrackMessage event(int n) {
        return TrackMessage.builder("event_" + n).email("user" + n + "@example.com").build();
    }
}
