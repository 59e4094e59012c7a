package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DestinationStats;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.http.ConnectProxy;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpRequest;
import dev.tracking.http.HttpSender;
import dev.tracking.http.ReplyHeaders;
import dev.tracking.http.TestCertificates;
import dev.tracking.http.TlsVendorServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code tracking.http.*}: SSL bundles (private CA, mutual TLS), a proxy, and an application's own sender. */
@ExtendWith(OutputCaptureExtension.class)
class TrackingHttpAutoConfigurationTest {

    private static final String PROXY_PASSWORD = "pr0xy-s3cret";

    private final TestCertificates certificates = TestCertificates.get();
    private final TlsVendorServer vendor = new TlsVendorServer(true);
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingHttpObservationAutoConfiguration.class))
            .withPropertyValues("tracking.outlit.public-key=pk_test_1", "tracking.retry.max-attempts=1",
                    "spring.ssl.bundle.jks.vendor.keystore.location=file:" + certificates.clientKeyStore(),
                    "spring.ssl.bundle.jks.vendor.keystore.password=" + TestCertificates.PASSWORD,
                    "spring.ssl.bundle.jks.vendor.keystore.type=PKCS12",
                    "spring.ssl.bundle.jks.vendor.truststore.location=file:" + certificates.trustStore(),
                    "spring.ssl.bundle.jks.vendor.truststore.password=" + TestCertificates.PASSWORD,
                    "spring.ssl.bundle.jks.vendor.truststore.type=PKCS12",
                    "spring.ssl.bundle.jks.other.truststore.location=file:" + certificates.otherTrustStore(),
                    "spring.ssl.bundle.jks.other.truststore.password=" + TestCertificates.PASSWORD,
                    "spring.ssl.bundle.jks.other.truststore.type=PKCS12");

    @AfterEach
    void stop() {
        vendor.close();
    }

    @Test
    void anSslBundleWithThePrivateCaAndAClientCertificateReachesAMutualTlsServer() {
        runner.withPropertyValues("tracking.outlit.api-host=" + vendor.uri("localhost"),
                "tracking.http.ssl.bundle=vendor").run(context -> {
                    assertThat(deliveredOne(context.getBean(Tracker.class))).isEqualTo(1);
                    assertThat(vendor.eventRequests()).hasSize(1);
                });
    }

    @Test
    void aDestinationsOwnBundleOverridesTheSharedOne() {
        runner.withPropertyValues("tracking.outlit.api-host=" + vendor.uri("localhost"),
                "tracking.http.ssl.bundle=other", "tracking.http.outlit.ssl.bundle=vendor").run(context -> {
                    assertThat(deliveredOne(context.getBean(Tracker.class))).isEqualTo(1);
                });
    }

    @Test
    void aServerCertificateTheBundleDoesNotTrustIsRefused() {
        runner.withPropertyValues("tracking.outlit.api-host=" + vendor.uri("localhost"),
                "tracking.http.ssl.bundle=other").run(context -> {
                    Tracker tracker = context.getBean(Tracker.class);
                    tracker.track("report_exported", Identity.ofUser("u_1"), Map.of());
                    assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
                    assertThat(tracker.stats()).extracting(DestinationStats::failed).containsExactly(1L);
                    assertThat(vendor.eventRequests()).isEmpty();
                });
    }

    @Test
    void anUnknownBundleFailsNamingTheProperty() {
        runner.withPropertyValues("tracking.outlit.api-host=" + vendor.uri("localhost"),
                "tracking.http.ssl.bundle=missing").run(context -> assertThat(context).getFailure()
                        .rootCause().isInstanceOf(InvalidTrackingPropertyException.class)
                        .hasMessageContaining("tracking.http.ssl.bundle").hasMessageContaining("missing"));
    }

    @Test
    void aConfiguredProxyWithCredentialsCarriesTheEventsAndNeverPrintsThePassword(CapturedOutput output)
            throws Exception {
        try (ConnectProxy proxy = new ConnectProxy(Map.of("vendor.test", "127.0.0.1"), "svc", PROXY_PASSWORD)) {
            runner.withPropertyValues("tracking.outlit.api-host=" + vendor.uri("vendor.test"),
                    "tracking.http.ssl.bundle=vendor", "tracking.http.proxy.host=127.0.0.1",
                    "tracking.http.proxy.port=" + proxy.port(), "tracking.http.proxy.username=svc",
                    "tracking.http.proxy.password=" + PROXY_PASSWORD).run(context -> {
                        assertThat(deliveredOne(context.getBean(Tracker.class))).isEqualTo(1);
                        assertThat(context.getBean(TrackingProperties.class).getHttp().getProxy().toString())
                                .doesNotContain(PROXY_PASSWORD, "svc");
                    });

            assertThat(proxy.tunnels()).contains("vendor.test:" + vendor.port());
        }
        assertThat(output.getAll()).doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void anApplicationSenderCarriesEveryRequest() {
        List<HttpRequest> sent = new CopyOnWriteArrayList<>();
        HttpSender recording = request -> {
            sent.add(request);
            return new HttpReply(200, ReplyHeaders.of("Content-Type", "application/json"),
                    "{\"success\":true,\"processed\":1}".getBytes(StandardCharsets.UTF_8));
        };
        runner.withPropertyValues("tracking.outlit.api-host=https://outlit.example.com")
                .withBean(HttpSender.class, () -> recording).run(context -> {
                    assertThat(deliveredOne(context.getBean(Tracker.class))).isEqualTo(1);
                    assertThat(sent).singleElement().satisfies(request -> assertThat(request.uri().toString())
                            .startsWith("https://outlit.example.com/api/i/v1/pk_test_1/events"));
                });
        assertThat(vendor.eventRequests()).isEmpty();
    }

    @Test
    void requestsAreObservedWhenAnObservationRegistryIsPresent() {
        List<String> observed = new CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStop(Observation.Context context) {
                observed.add(context.getName() + " " + context.getLowCardinalityKeyValues());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        runner.withPropertyValues("tracking.outlit.api-host=" + vendor.uri("localhost"),
                "tracking.http.ssl.bundle=vendor").withBean(ObservationRegistry.class, () -> registry)
                .run(context -> {
                    assertThat(deliveredOne(context.getBean(Tracker.class))).isEqualTo(1);
                    assertThat(observed).singleElement().asString().startsWith("httpcomponents.httpclient.request")
                            .contains("200").doesNotContain("pk_test_1");
                });
    }

    private static long deliveredOne(Tracker tracker) {
        tracker.track("report_exported", Identity.ofUser("u_1"), Map.of("format", "pdf"));
        assertThat(tracker.flush(Duration.ofSeconds(20))).isTrue();
        return tracker.stats().stream().mapToLong(DestinationStats::delivered).sum();
    }
}
