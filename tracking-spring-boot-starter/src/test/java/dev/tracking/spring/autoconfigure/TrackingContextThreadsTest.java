package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tracking.support.LotusServer;
import dev.tracking.support.TrackingThreads;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Closing the application context ends every thread the tracker started, Lotus's included. */
class TrackingContextThreadsTest {

    private final LotusServer lotus = new LotusServer();
    private final WireMockServer outlit = new WireMockServer(wireMockConfig().dynamicPort());

    @AfterEach
    void stopServers() {
        lotus.close();
        outlit.stop();
    }

    @Test
    void aClosedContextLeavesNoTrackingThreadBehind() {
        outlit.start();
        outlit.stubFor(post(urlPathMatching("/api/i/v1/.*")).willReturn(okJson("{\"success\":true}")));
        TrackingThreads threads = TrackingThreads.now();
        AtomicReference<java.util.List<String>> whileRunning = new AtomicReference<>();

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class,
                        TrackingMetricsAutoConfiguration.class))
                .withPropertyValues("tracking.lotus.api-key=" + LotusServer.API_KEY,
                        "tracking.lotus.base-url=" + lotus.baseUrl(),
                        "tracking.outlit.public-key=pk_test_1",
                        "tracking.outlit.api-host=" + outlit.baseUrl(),
                        "tracking.entitlements.cache-ttl=1ms")
                .run(context -> {
                    Tracker tracker = context.getBean(Tracker.class);
                    String note = "x".repeat(4_000);
                    for (int i = 0; i < 200; i++) {
                        tracker.track(TrackMessage.builder("api_call").userId("u1").customerId("acme")
                                .property("note", note).build());
                    }
                    assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
                    await().atMost(Duration.ofSeconds(10)).until(() -> {
                        tracker.entitlements().checkFeature("acme", "export");
                        return lotus.featureChecks() >= 2;
                    });
                    whileRunning.set(threads.startedSince());
                });

        assertThat(whileRunning.get()).contains("tracking-http-deadlines-lotus", "tracking-http-deadlines-outlit",
                "tracking-lotus-access-refresh-1", "tracking-sender-lotus", "tracking-sender-outlit");
        assertThat(lotus.largestTrackBody()).isGreaterThan(512 * 1024);
        threads.awaitAllEnded();
        assertThat(threads.startedSince()).isEmpty();
    }
}
