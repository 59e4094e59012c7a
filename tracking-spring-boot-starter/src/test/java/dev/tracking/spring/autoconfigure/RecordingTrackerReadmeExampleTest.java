package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.local.LocalBackend;
import dev.tracking.testing.RecordingTracker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The README's "Testing your app with a recording tracker" example, against the auto-configuration. */
class RecordingTrackerReadmeExampleTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingAspectsAutoConfiguration.class))
            .withBean("tracker", RecordingTracker.class, RecordingTracker::new)
            .withBean(ReportService.class);

    @Test
    void aRecordingTrackerBeanReplacesTheTrackerAndTheAnnotationsRecordIntoIt() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(LocalBackend.class);
            RecordingTracker tracker = context.getBean(RecordingTracker.class);
            ReportService reports = context.getBean(ReportService.class);
            tracker.clear();
            tracker.entitlements().allowAll();

            reports.export("acme", "pdf");

            assertThat(tracker.eventsNamed("report_exported")).singleElement()
                    .satisfies(e -> assertThat(e.properties()).containsEntry("format", "pdf"));
        });
    }

    @Test
    void aLimitCountedFromTheRecordedEventsStopsTheGate() {
        runner.run(context -> {
            RecordingTracker tracker = context.getBean(RecordingTracker.class);
            ReportService reports = context.getBean(ReportService.class);
            tracker.entitlements().limit("report_exported", 1);

            reports.export("acme", "pdf");

            assertThatThrownBy(() -> reports.export("acme", "pdf")).isInstanceOf(FeatureAccessDeniedException.class);
            assertThat(tracker.decisions()).last().extracting(AccessDecision::reason)
                    .isEqualTo(AccessReason.LIMIT_REACHED);
            assertThat(tracker.eventsNamed("report_exported")).hasSize(1);
        });
    }

    public static class ReportService {

        @GateOnFeature(event = "report_exported", customerId = "#customerId")
        @TrackEvent(value = "report_exported", customerId = "#customerId",
                property = @EventProperty(name = "format", value = "#format"))
        public void export(String customerId, String format) {
        }
    }
}
