package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.aop.InvalidTrackingAnnotationFailureAnalyzer;
import dev.tracking.testing.RecordingTracker;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The annotations need no AspectJ, and an annotation that cannot work stops the application. */
class TrackingAnnotationsWithoutAspectJTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingAspectsAutoConfiguration.class))
            .withBean(RecordingTracker.class, RecordingTracker::new);

    @Test
    void gatesAndTracksWithoutAspectJOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader("org.aspectj")).withBean(Exports.class).run(context -> {
            assertThat(context).hasNotFailed();
            RecordingTracker tracker = context.getBean(RecordingTracker.class);
            tracker.entitlements().limit("report_exported", 3);
            Exports exports = context.getBean(Exports.class);
            assertThat(AopUtils.isAopProxy(exports)).isTrue();
            for (int i = 0; i < 3; i++) {
                exports.export("acme");
            }
            assertThatThrownBy(() -> exports.export("acme")).isInstanceOf(FeatureAccessDeniedException.class);
            assertThat(tracker.eventsNamed("report_exported")).hasSize(3);
        });
    }

    @Test
    void worksWithoutSpringBootsAopAutoConfiguration() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrackingAutoConfiguration.class,
                        TrackingAspectsAutoConfiguration.class))
                .withBean(RecordingTracker.class, RecordingTracker::new).withBean(Exports.class)
                .withPropertyValues("spring.aop.auto=false").run(context -> {
                    context.getBean(Exports.class).export("acme");
                    assertThat(AopUtils.isCglibProxy(context.getBean(Exports.class))).isTrue();
                    assertThat(context.getBean(RecordingTracker.class).eventsNamed("report_exported")).hasSize(1);
                });
    }

    @Test
    void failsStartupForABeanTheAdvisorsCannotReach() {
        runner.withInitializer(context -> context.getBeanFactory().registerSingleton("readyMade", new Exports()))
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains(Exports.class.getName() + ".export(..)")
                            .contains("'readyMade'").contains("would do nothing");
                    assertThat(analysis.getAction()).contains("registerSingleton");
                });
    }

    static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new InvalidTrackingAnnotationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    public static class Exports {

        @GateOnFeature(event = "report_exported", customerId = "#customerId")
        @TrackEvent(value = "report_exported", customerId = "#customerId")
        public void export(String customerId) {
        }
    }
}
