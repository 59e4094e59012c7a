package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.spring.aop.InvalidTrackingAnnotationFailureAnalyzer;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class TrackingPropertiesFailureAnalysisTest {

    private static final String KEY = "tracking.lotus.api-key=prefix.TOPSECRET";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tracking.lotus.base-url=                            | tracking.lotus.base-url        | Set tracking.lotus.base-url
            tracking.lotus.base-url=localhost:8080              | tracking.lotus.base-url        | scheme and host
            tracking.lotus.base-url=http://exa mple.com         | tracking.lotus.base-url        | scheme and host
            tracking.lotus.ingest-url=ftp://lotus.example.com   | tracking.lotus.ingest-url      | scheme and host
            tracking.batch.flush-interval=-5s                   | tracking.batch.flush-interval  | positive duration
            tracking.http.timeout=0s                            | tracking.http.timeout          | positive duration
            tracking.entitlements.stale-if-error=-1m            | tracking.entitlements.stale-if-error | zero or a positive
            tracking.retry.max-backoff=100ms                    | tracking.retry.max-backoff     | at least tracking.retry.initial-backoff
            tracking.queue.capacity=0                           | tracking.queue.capacity        | to 1 or more
            tracking.batch.max-bytes=10B                        | tracking.batch.max-bytes       | to 1024 or more
            tracking.shutdown.timeout=-1s                       | tracking.shutdown.timeout      | positive duration
            """)
    void failsStartupNamingThePropertyAndTheFixWithoutTheKey(String setting, String property, String action) {
        String[] values = setting.contains("base-url=") ? new String[] { KEY, setting }
                : new String[] { KEY, "tracking.lotus.base-url=https://lotus.example.com", setting };
        runner.withPropertyValues(values).run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(property).doesNotContain("TOPSECRET");
            assertThat(analysis.getAction()).contains(action).doesNotContain("TOPSECRET");
        });
    }

    @Test
    void namesAnUnknownPlanOfALocalCustomer() {
        runner.withPropertyValues("tracking.local.plans.free.limits.x=1", "tracking.local.customers.acme.plan=gold")
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("tracking.local.customers.acme.plan")
                            .contains("'gold'");
                    assertThat(analysis.getAction()).contains("tracking.local.plans.gold");
                });
    }

    @Test
    void namesTheLocalPlanThatTheBackendRefuses() {
        runner.withPropertyValues("tracking.local.plans.free.features[0]= ")
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: tracking.local.plans.free")
                            .contains("features[] must not be blank");
                    assertThat(analysis.getAction()).contains("tracking.local.plans.free");
                });
    }

    @Test
    void namesAnOutlitHostThatIsNotAUrl() {
        runner.withPropertyValues("tracking.outlit.public-key=pk_TOPSECRET", "tracking.outlit.api-host=app.outlit.ai")
                .run(context -> assertThat(analyze(context.getStartupFailure()).getDescription())
                        .contains("tracking.outlit.api-host").doesNotContain("TOPSECRET"));
    }

    @Test
    void namesAnOutlitKeyThatIsNotAPublicKeyWithoutShowingIt() {
        runner.withPropertyValues("tracking.outlit.public-key=sk_TOPSECRET").run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("tracking.outlit.public-key").contains("pk_")
                    .doesNotContain("TOPSECRET");
            assertThat(analysis.getAction()).contains("public key").doesNotContain("TOPSECRET");
        });
    }

    @Test
    void registersBothAnalyzers() throws IOException {
        Properties factories = PropertiesLoaderUtils.loadProperties(
                new FileSystemResource(ModuleOutput.file("META-INF/spring.factories")));
        assertThat(factories.getProperty(FailureAnalyzer.class.getName()).split(","))
                .containsExactlyInAnyOrder(InvalidTrackingPropertyFailureAnalyzer.class.getName(),
                        InvalidTrackingAnnotationFailureAnalyzer.class.getName());
    }

    private static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new InvalidTrackingPropertyFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }
}
