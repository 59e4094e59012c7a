package dev.tracking.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DestinationStats;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.outlit.OutlitOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events reach a TLS server through an HTTP proxy: the destination is named {@code vendor.test}, which only the
 * test's proxy resolves, so an event that arrives went through it (the JVM never proxies a loopback address).
 */
class ProxyTest {

    private static final String USER = "svc-tracking";
    private static final String PASSWORD = "pr0xy-s3cret";
    private static final String[] PROXY_PROPERTIES = {"https.proxyHost", "https.proxyPort", "http.proxyHost",
        "http.proxyPort", "http.nonProxyHosts"};

    private final TlsVendorServer vendor = new TlsVendorServer(false);

    @AfterEach
    void stop() {
        vendor.close();
    }

    @Test
    void aConfiguredProxyWithCredentialsCarriesEventsAndTheCredentialsAreNeverPrinted() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try (ConnectProxy proxy = new ConnectProxy(Map.of("vendor.test", "127.0.0.1"), USER, PASSWORD)) {
            System.setErr(new PrintStream(new TeeStream(stderr, logged), true, StandardCharsets.UTF_8));
            HttpOptions http = HttpOptions.defaults().withSslContext(TestCertificates.get().trustingCa())
                    .withProxy(ProxyOptions.of("127.0.0.1", proxy.port()).withCredentials(USER, PASSWORD));
            String printed;
            try (Tracker tracker = outlitTracker(Tracker.builder().http(http))) {
                tracker.track("report_exported", Identity.ofUser("u_1"), Map.of("format", "pdf"));

                assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
                printed = tracker.stats() + " " + tracker + " " + http;
                assertThat(tracker.stats()).extracting(DestinationStats::delivered).containsExactly(1L);
            }

            assertThat(vendor.eventRequests()).hasSize(1);
            assertThat(vendor.eventRequests().get(0).getBodyAsString()).contains("report_exported");
            assertThat(proxy.challenged()).contains("vendor.test:" + vendor.port());
            assertThat(proxy.tunnels()).contains("vendor.test:" + vendor.port());
            String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(logged.toString(StandardCharsets.UTF_8) + printed).doesNotContain(PASSWORD, basic);
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void theJvmProxySettingsAreFollowedWithNoConfigurationOfOurs() throws Exception {
        Map<String, String> saved = new java.util.HashMap<>();
        for (String key : PROXY_PROPERTIES) {
            saved.put(key, System.getProperty(key));
        }
        try (ConnectProxy proxy = new ConnectProxy(Map.of("vendor.test", "127.0.0.1"), null, null)) {
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
            System.setProperty("http.nonProxyHosts", "*.internal");
            try (Tracker tracker = outlitTracker(Tracker.builder().http(HttpOptions.defaults()
                    .withSslContext(TestCertificates.get().trustingCa())))) {
                tracker.track("report_exported", Identity.ofUser("u_1"), Map.of());

                assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
                assertThat(tracker.stats()).extracting(DestinationStats::delivered).containsExactly(1L);
            }

            assertThat(vendor.eventRequests()).hasSize(1);
            assertThat(proxy.tunnels()).containsExactly("vendor.test:" + vendor.port());
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    @Test
    void aHostListedAsNotProxiedIsReachedDirectly() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy(Map.of(), null, null)) {
            HttpOptions http = HttpOptions.defaults().withSslContext(TestCertificates.get().trustingCa())
                    .withProxy(ProxyOptions.of("127.0.0.1", proxy.port()).withNonProxyHosts(List.of("local*")));
            try (HttpSender sender = ApacheHttpSender.create("test", http, Duration.ofSeconds(2))) {
                HttpReply reply = sender.send(HttpRequest.post(vendor.uri("localhost").resolve("/api/i/v1/pk_x/events"),
                        HttpBody.json("{}".getBytes(StandardCharsets.UTF_8), 2), true, Duration.ofSeconds(10)));

                assertThat(reply.status()).isEqualTo(200);
            }
            assertThat(proxy.tunnels()).isEmpty();
        }
    }

    private Tracker outlitTracker(dev.tracking.TrackerBuilder builder) {
        return builder.outlit(OutlitOptions.of("pk_test_proxy").withApiHost(vendor.uri("vendor.test"))).build();
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
