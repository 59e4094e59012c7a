package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.testing.RecordingTracker;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class UnknownTrackingPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tracking.lotus.api-kye=TOPSECRET                                | tracking.lotus.api-kye   | tracking.lotus.api-key
            tracking.local.plans.free.limit.document_created=1              | tracking.local.plans.free.limit.document_created | tracking.local.plans.free.limits.document_created
            tracking.local.plans.free.featurs[0]=x                          | tracking.local.plans.free.featurs[0] | tracking.local.plans.free.features
            tracking.local.customers.acme.plann=free                        | tracking.local.customers.acme.plann | tracking.local.customers.acme.plan
            tracking.batch.flush-intervall=5s                               | tracking.batch.flush-intervall | tracking.batch.flush-interval
            tracking.enable=false                                           | tracking.enable | tracking.enabled
            tracking.lotus.feature-id.a=1                                   | tracking.lotus.feature-id.a | tracking.lotus.feature-ids.a
            tracking.outbox.write-timout=1s                                 | tracking.outbox.write-timout | tracking.outbox.write-timeout
            tracking.outbox.enable=true                                     | tracking.outbox.enable | tracking.outbox.enabled
            tracking.outbox.destination=lotus                               | tracking.outbox.destination | tracking.outbox.destinations
            tracking.outbox.initialise-schema=always                        | tracking.outbox.initialise-schema | tracking.outbox.initialize-schema
            """)
    void failsNamingTheUnknownKeyAndTheClosestValidOne(String setting, String key, String closest) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidTrackingPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("'" + key + "'").contains("'" + closest + "'")
                    .contains("Property: " + key).doesNotContain("TOPSECRET");
            assertThat(analysis.getAction()).contains("Rename '" + key + "' to '" + closest + "'");
        });
    }

    @Test
    void acceptsEveryValidKeyIncludingUserDataInMaps() {
        runner.withPropertyValues("tracking.local.plans.free.limits.document_created=1",
                "tracking.local.plans.free.limits[report.exported]=2", "tracking.local.plans.pro.features[0]=x",
                "tracking.local.plans.team.features=a,b", "tracking.local.customers.acme.plan=free",
                "tracking.local.customers.acme.name=Acme", "tracking.lotus.feature-ids.slack=f_1",
                "tracking.lotus.metricIds.exported=m_1", "tracking.aspects.track-order=5",
                "tracking.health.failure-threshold=3", "tracking.queue.overflow=drop-oldest",
                "tracking.outlit.protocol=legacy-v1", "tracking.http.connect-timeout=2s",
                "tracking.outbox.destinations[0]=lotus", "tracking.outbox.write-timeout=1s", "tracking.outbox.lease=10m",
                "tracking.outbox.poll-interval=1s", "tracking.outbox.retention=3d",
                "tracking.outbox.initialize-schema=never")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void checksEvenWhenTheApplicationBringsItsOwnTracker() {
        runner.withBean(RecordingTracker.class).withPropertyValues("tracking.lotus.api-kye=x")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidTrackingPropertyException.class));
    }

    @Test
    void onlyWarnsForEnvironmentVariablesThePlatformMaySet() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("TRACKING_SERVICE_HOST", "10.0.0.1"))))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void everyKeyOfTheMetadataIsValid() {
        TrackingPropertyKeys keys = new TrackingPropertyKeys("tracking", TrackingProperties.class);
        assertThat(keys.patterns()).extracting(p -> String.join(".", p.display()))
                .contains("tracking.lotus.api-key", "tracking.local.plans.*.limits", "tracking.local.plans.*.features",
                        "tracking.local.customers.*.plan", "tracking.aspects.track-order", "tracking.outbox.enabled",
                        "tracking.outbox.destinations", "tracking.outbox.write-timeout", "tracking.outbox.lease",
                        "tracking.outbox.poll-interval", "tracking.outbox.retention",
                        "tracking.outbox.initialize-schema")
                .noneMatch(key -> key.endsWith(".configured"));
    }

    @Test
    void derivesKeysFromRecordsAndConstructorBoundClassesToo() {
        TrackingPropertyKeys keys = new TrackingPropertyKeys("x", Root.class);
        assertThat(keys.patterns()).extracting(p -> String.join(".", p.display()))
                .containsExactlyInAnyOrder("x.ssl.bundle", "x.ssl.verify-host", "x.vendor.api-key",
                        "x.vendor.regions");
    }

    public static class Root {

        private final Ssl ssl = new Ssl("b", true);

        public Ssl getSsl() {
            return ssl;
        }

        public Vendor getVendor() {
            return null;
        }
    }

    public record Ssl(String bundle, boolean verifyHost) {
    }

    public static class Vendor {

        private final String apiKey;
        private final java.util.List<String> regions;

        public Vendor(String apiKey, java.util.List<String> regions) {
            this.apiKey = apiKey;
            this.regions = regions;
        }

        public String getApiKey() {
            return apiKey;
        }

        public java.util.List<String> getRegions() {
            return regions;
        }
    }
}
