package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.TrackMessage;
import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.actuate.TrackingEndpoint;
import dev.tracking.spring.actuate.TrackingHealthIndicator;
import dev.tracking.testing.RecordingTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** What {@code @TrackEvent} property expressions may yield, and how an event that cannot be recorded shows. */
@ExtendWith(OutputCaptureExtension.class)
class TrackEventPropertyValuesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingAspectsAutoConfiguration.class, TrackingMetricsAutoConfiguration.class,
                    TrackingHealthAutoConfiguration.class, TrackingEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=tracking")
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(RecordingTracker.class, RecordingTracker::new).withBean(Documents.class);

    @Test
    void recordsAndPojosBecomeJsonObjectsThroughTheApplicationsMapper() {
        runner.withBean(JsonMapper.class, () -> JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()).run(context -> {
                    context.getBean(Documents.class).create(new Format("pdf", 300), new Owner("alice"),
                            Optional.of("draft"), null);
                    TrackMessage event = single(context.getBean(RecordingTracker.class));
                    assertThat(event.properties()).containsEntry("format", Map.of("name", "pdf", "page_dpi", 300))
                            .containsEntry("owner", Map.of("user_name", "alice")).containsEntry("status", "draft")
                            .doesNotContainKey("note");
                });
    }

    @Test
    void usesJacksonsDefaultsWithoutAMapperBeanAndRecordsWithoutJackson() {
        runner.run(context -> {
            context.getBean(Documents.class).create(new Format("pdf", 300), null, Optional.empty(), null);
            assertThat(single(context.getBean(RecordingTracker.class)).properties())
                    .containsOnly(Map.entry("format", Map.of("name", "pdf", "pageDpi", 300)));
        });
        runner.withClassLoader(new FilteredClassLoader("tools.jackson")).run(context -> {
            context.getBean(Documents.class).create(new Format("csv", 72), null, Optional.of("final"), null);
            assertThat(single(context.getBean(RecordingTracker.class)).properties())
                    .containsEntry("format", Map.of("name", "csv", "pageDpi", 72)).containsEntry("status", "final");
        });
    }

    @Test
    void countsAnEventThatCannotBeRecordedWhereUsersLookAndLogsEachReasonOnce(CapturedOutput output) {
        runner.withClassLoader(new FilteredClassLoader("tools.jackson")).run(context -> {
            Documents documents = context.getBean(Documents.class);
            documents.create(null, new Owner("alice"), Optional.empty(), null);      // a POJO without Jackson
            documents.create(null, new Owner("alice"), Optional.empty(), null);
            documents.create(null, null, Optional.empty(), "boom");                 // the expression throws
            assertThat(context.getBean(RecordingTracker.class).events()).isEmpty();

            Map<String, Object> expected = Map.of("dropped", 3L,
                    "droppedByReason", Map.of("invalid_property", 2L, "expression_error", 1L));
            assertThat(context.getBean(TrackingEndpoint.class).tracking()).containsEntry("annotations", expected);
            assertThat(context.getBean(TrackingHealthIndicator.class).health().getDetails())
                    .containsEntry("annotations", expected);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("tracking.events").tags("destination", "none", "reason", "invalid_property")
                    .counter().count()).isEqualTo(2);

            String log = output.getOut();
            assertThat(log.split("did not record \\(invalid_property\\)", -1)).hasSize(2);
            assertThat(log).contains("property owner is a " + Owner.class.getName())
                    .contains("did not record (expression_error)");
        });
    }

    private static TrackMessage single(RecordingTracker tracker) {
        assertThat(tracker.eventsNamed("document_created")).hasSize(1);
        return tracker.eventsNamed("document_created").get(0);
    }

    public record Format(String name, int pageDpi) {
    }

    public static class Owner {

        private final String userName;

        Owner(String userName) {
            this.userName = userName;
        }

        public String getUserName() {
            return userName;
        }
    }

    public static class Documents {

        @TrackEvent(value = "document_created", customerId = "'acme'", property = {
                @EventProperty(name = "format", value = "#format"), @EventProperty(name = "owner", value = "#owner"),
                @EventProperty(name = "status", value = "#status"),
                @EventProperty(name = "note", value = "#fail == null ? null : T(java.lang.Integer).parseInt(#fail)") })
        public void create(Format format, Owner owner, Optional<String> status, String fail) {
        }
    }
}
