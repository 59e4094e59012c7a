package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.EntitlementOptions;
import dev.tracking.OverflowPolicy;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.lotus.LotusOptions;
import dev.tracking.outlit.OutlitOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TrackingPropertiesTest {

    private final TrackingProperties properties = new TrackingProperties();

    @Test
    void defaultsEqualTheCoreDefaults() {
        assertThat(TrackerOptions.delivery(properties)).isEqualTo(DeliveryOptions.defaults());
        assertThat(TrackerOptions.entitlements(properties)).isEqualTo(EntitlementOptions.defaults());
        assertThat(URI.create(properties.getOutlit().getApiHost())).isEqualTo(OutlitOptions.DEFAULT_API_HOST);
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getAspects().isEnabled()).isTrue();
    }

    @Test
    void mapsEveryDeliverySetting() {
        properties.getBatch().setMaxSize(50);
        properties.getBatch().setMaxBytes(DataSize.ofKilobytes(512));
        properties.getBatch().setMaxEventBytes(DataSize.ofKilobytes(8));
        properties.getBatch().setFlushInterval(Duration.ofSeconds(2));
        properties.getQueue().setCapacity(500);
        properties.getQueue().setOverflow(OverflowPolicy.DROP_OLDEST);
        properties.getRetry().setMaxAttempts(3);
        properties.getRetry().setInitialBackoff(Duration.ofMillis(100));
        properties.getRetry().setMaxBackoff(Duration.ofSeconds(5));
        properties.getRetry().setDeliveryTimeout(Duration.ofSeconds(30));
        properties.getHttp().setTimeout(Duration.ofSeconds(3));
        properties.getHttp().setConnectTimeout(Duration.ofSeconds(1));
        properties.getShutdown().setTimeout(Duration.ofSeconds(7));

        DeliveryOptions delivery = TrackerOptions.delivery(properties);

        assertThat(delivery.maxBatchSize()).isEqualTo(50);
        assertThat(delivery.maxBatchBytes()).isEqualTo(512 * 1024);
        assertThat(delivery.maxEventBytes()).isEqualTo(8 * 1024);
        assertThat(delivery.flushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.queueCapacity()).isEqualTo(500);
        assertThat(delivery.overflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
        assertThat(delivery.retry().maxAttempts()).isEqualTo(3);
        assertThat(delivery.retry().initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(delivery.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(delivery.retry().deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(delivery.httpTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(delivery.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(delivery.shutdownTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void mapsEntitlementsAndDestinations() {
        properties.getEntitlements().setCacheTtl(Duration.ofSeconds(5));
        properties.getEntitlements().setStaleIfError(Duration.ZERO);
        properties.getEntitlements().setOnError(OnNoAnswer.ALLOW);
        properties.getEntitlements().setCacheSize(10);
        assertThat(TrackerOptions.entitlements(properties))
                .isEqualTo(EntitlementOptions.builder().cacheTtl(Duration.ofSeconds(5)).staleIfError(Duration.ZERO)
                        .onNoAnswer(OnNoAnswer.ALLOW).maximumSize(10).build());

        LotusProperties lotus = properties.getLotus();
        lotus.setApiKey("prefix.secret");
        lotus.setBaseUrl("https://lotus.example.com");
        lotus.setIngestUrl("https://ingest.example.com");
        lotus.setFeatureIds(Map.of("slack", "feat_1"));
        lotus.setMetricIds(Map.of("export", "metric_1"));
        LotusOptions options = TrackerOptions.lotus(lotus);
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://lotus.example.com"));
        assertThat(options.ingestUrl()).isEqualTo(URI.create("https://ingest.example.com"));
        assertThat(options.featureIds()).containsEntry("slack", "feat_1");
        assertThat(options.metricIds()).containsEntry("export", "metric_1");

        OutlitProperties outlit = properties.getOutlit();
        outlit.setPublicKey("pk_test");
        assertThat(TrackerOptions.outlit(outlit).protocol()).isEqualTo(dev.tracking.outlit.OutlitProtocol.CURRENT);
        outlit.setProtocol(dev.tracking.outlit.OutlitProtocol.LEGACY_V1);
        assertThat(TrackerOptions.outlit(outlit).legacy()).isTrue();
    }

    @Test
    void neverShowsKeysInToString() {
        properties.getLotus().setApiKey("prefix.secret");
        properties.getOutlit().setPublicKey("pk_secret");
        assertThat(properties.getLotus().toString()).doesNotContain("secret").contains("****");
        assertThat(properties.getOutlit().toString()).doesNotContain("secret").contains("****");
    }

    @Test
    void showsUrlsWithoutCredentialsOrQueryInToString() {
        properties.getLotus().setBaseUrl("https://ops:hunter2@lotus.example.com/api?token=abc");
        properties.getOutlit().setApiHost("https://user:pw@outlit.example.com");
        assertThat(properties.getLotus().toString()).contains("baseUrl=https://lotus.example.com/api")
                .doesNotContain("hunter2").doesNotContain("abc");
        assertThat(properties.getOutlit().toString()).contains("apiHost=https://outlit.example.com")
                .doesNotContain("pw@");
    }
}
