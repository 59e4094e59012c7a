package dev.tracking.reliability;

import static dev.tracking.reliability.Accounting.senderAlive;
import static dev.tracking.reliability.Accounting.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.DeliveryOptions;
import dev.tracking.DestinationStats;
import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.contract.OutlitServer;
import dev.tracking.internal.http.Urls;
import dev.tracking.outlit.OutlitOptions;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a reliability tester did to the tracker, one test each, and what must happen now. */
class ReportedProblemsTest {

    private final OutlitServer outlit = new OutlitServer();

    @AfterEach
    void stop() {
        outlit.close();
    }

    @Test
    void aNestedMapMadeToContainItselfAfterTheCallIsSentAsItWasAndNothingStops() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("level", 1);
        Tracker tracker = tracker();
        tracker.track(TrackMessage.builder("cyclic").userId("u").property("nested", nested).build());
        nested.put("self", nested);
        for (int i = 0; i < 20; i++) {
            tracker.track(TrackMessage.builder("later").userId("u").property("n", i).build());
        }

        assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(settled(tracker).delivered()).isEqualTo(21);
        assertThat(senderAlive("outlit")).isTrue();
        tracker.close();
        assertThat(settled(tracker).accepted()).isEqualTo(21);
        assertThat(outlit.events().get(0).path("properties").path("nested").toString()).isEqualTo("{\"level\":1}");
    }

    @Test
    void nestedValuesChangedAfterTheCallAreSentAsTheyWereAtTheCall() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> inner = new HashMap<>(Map.of("tags", tags));
        int[] counts = {1, 2};
        StringBuilder note = new StringBuilder("before");
        try (Tracker tracker = tracker()) {
            tracker.track(TrackMessage.builder("e").userId("u").property("inner", inner).property("counts", counts)
                    .property("note", note).build());
            tags.add("b");
            inner.put("added", true);
            counts[0] = 99;
            note.append("-after");
            assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
        }
        JsonNode properties = outlit.events().get(0).path("properties");
        assertThat(properties.toString())
                .isEqualTo("{\"inner\":{\"tags\":[\"a\"]},\"counts\":[1,2],\"note\":\"before\"}");
    }

    @Test
    void valuesNoEncoderCanWriteAreRefusedAtTheCallNamingTheField() {
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u")
                .property("day", java.sql.Date.valueOf("2026-01-01")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("properties.day ")
                .hasMessageContaining("java.sql.Date");
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u").timestamp(Instant.MAX).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timestamp");
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u")
                .property("at", Map.of("t", java.sql.Time.valueOf("10:00:00"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("properties.at.t ");
    }

    @Test
    void aDoubleArrayWithNaNIsRefusedLikeADoubleObjectArray() {
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u")
                .property("ratios", new double[] {0.5, Double.NaN}).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("properties.ratios[1] is not a finite number: NaN");
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u")
                .property("ratios", new Double[] {0.5, Double.NaN}).build())
                .hasMessage("properties.ratios[1] is not a finite number: NaN");
        assertThatThrownBy(() -> TrackMessage.builder("e").userId("u")
                .property("ratios", new float[] {Float.POSITIVE_INFINITY}).build())
                .hasMessage("properties.ratios[0] is not a finite number: Infinity");
    }

    @Test
    void anIdWithAnUnpairedSurrogateIsRefusedEverywhereInsteadOfBecomingAQuestionMark() {
        assertThatThrownBy(() -> TrackMessage.builder("e").customerId("ac\uD800me").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("customerId ");
        assertThatThrownBy(() -> Identity.ofUser("\uDC00")).hasMessageStartingWith("userId ");
        assertThatThrownBy(() -> Urls.pathSegment("ac\uD800me")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Urls.queryValue("ac\uD800me")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Identity.ofCustomer("emoji-\uD83D\uDE00").customerId()).isEqualTo("emoji-😀");
        assertThat(Urls.pathSegment("emoji-😀")).isEqualTo("emoji-%F0%9F%98%80");
    }

    @Test
    void onlyTrueLoopbackAddressesEscapeThePlainHttpWarning() {
        assertThat(List.of("localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "0:0:0:0:0:0:0:1"))
                .allMatch(Urls::isLoopback);
        assertThat(List.of("127.attacker.invalid", "127.0.0.1.nip.io", "app.localhost", "128.0.0.1", "127.0.0.256",
                "::2", "example.com", "")).noneMatch(Urls::isLoopback);
        assertThat(Urls.warnIfPlainHttp("Outlit", URI.create("http://127.attacker.invalid"))).isTrue();
    }

    @Test
    void theDefaultShutdownLeavesRoomInsideBootsAndKubernetesThirtySeconds() {
        assertThat(DeliveryOptions.defaults().shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(DeliveryOptions.defaults().retry().deliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryOptions.defaults().retry().maxAttempts()).isZero();
    }

    @Test
    void closingWhileTheVendorDoesNotAnswerCountsEveryMessage() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            OutlitOptions options = OutlitOptions.of(OutlitServer.PUBLIC_KEY)
                    .withApiHost(URI.create("http://localhost:" + silent.getLocalPort()));
            Tracker tracker = Tracker.builder().outlit(options).delivery(FaultMatrixTest.DELIVERY.toBuilder()
                    .httpTimeout(Duration.ofSeconds(60)).shutdownTimeout(Duration.ofMillis(200)).build()).build();
            for (int i = 0; i < 42; i++) {
                tracker.track(TrackMessage.builder("e").userId("u").property("n", i).build());
            }
            tracker.flush();

            tracker.close();

            DestinationStats stats = settled(tracker);
            assertThat(stats.accepted()).isEqualTo(42);
            assertThat(stats.failedByReason()).containsOnly(Map.entry("shutdown", 42L));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private Tracker tracker() {
        return Tracker.builder().outlit(outlit.outlitOptions()).delivery(FaultMatrixTest.DELIVERY).build();
    }
}
