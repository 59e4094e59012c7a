package dev.tracking.spring.autoconfigure;

import static dev.tracking.spring.autoconfigure.TrackingAnnotationsWithoutAspectJTest.analyze;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.annotation.TrackEvent;
import dev.tracking.testing.RecordingTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Annotations Spring AOP cannot intercept fail startup; detectable self-invocations warn. */
@ExtendWith(OutputCaptureExtension.class)
class ProxyPitfallsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingAspectsAutoConfiguration.class))
            .withBean(RecordingTracker.class, RecordingTracker::new);

    @Test
    void failsForAPrivateMethod() {
        runner.withBean(PrivateMethod.class).run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(PrivateMethod.class.getName() + ".export(..)")
                    .contains("private");
            assertThat(analysis.getAction()).contains("non-private");
        });
    }

    @Test
    void failsForAFinalMethod() {
        runner.withBean(FinalMethod.class).run(context -> assertThat(
                analyze(context.getStartupFailure()).getDescription()).contains("the method is final"));
    }

    @Test
    void failsForAFinalClass() {
        runner.withBean(FinalClass.class).run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(FinalClass.class.getName() + " is final");
            assertThat(analysis.getAction()).contains("Make the class non-final");
        });
    }

    @Test
    void warnsForASelfInvocation(CapturedOutput output) {
        runner.withBean(SelfCalling.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains(SelfCalling.class.getName() + " calls its own annotated methods (exportAll()"
                    + " calls export())").contains("does not intercept a call from a bean to itself");
        });
    }

    @Test
    void doesNotWarnForOrdinaryBeans(CapturedOutput output) {
        runner.withBean(TrackingAnnotationsWithoutAspectJTest.Exports.class)
                .run(context -> assertThat(output).doesNotContain("calls its own annotated methods"));
    }

    public static class PrivateMethod {

        public void run() {
            export();
        }

        @TrackEvent(value = "exported", customerId = "'acme'")
        private void export() {
        }
    }

    public static class FinalMethod {

        @TrackEvent(value = "exported", customerId = "'acme'")
        public final void export() {
        }
    }

    public static final class FinalClass {

        @TrackEvent(value = "exported", customerId = "'acme'")
        public void export() {
        }
    }

    public static class SelfCalling {

        public void exportAll() {
            export();
        }

        @TrackEvent(value = "exported", customerId = "'acme'")
        public void export() {
        }
    }
}
