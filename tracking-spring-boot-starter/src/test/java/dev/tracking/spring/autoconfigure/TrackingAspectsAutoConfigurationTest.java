package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.BillingStatus;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.aop.BillingStageAspect;
import dev.tracking.spring.aop.GateOnFeatureAspect;
import dev.tracking.spring.aop.InvalidTrackingAnnotationException;
import dev.tracking.spring.aop.InvalidTrackingAnnotationFailureAnalyzer;
import dev.tracking.spring.aop.TrackEventAspect;
import dev.tracking.spring.identity.IdentityResolver;
import dev.tracking.testing.RecordingTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class TrackingAspectsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TrackingAutoConfiguration.class,
                    TrackingAspectsAutoConfiguration.class))
            .withBean(RecordingTracker.class, RecordingTracker::new);

    @Test
    void givesTheAnnotationsBehaviourOnClassProxiesByDefault() {
        runner.withBean(Service.class).run(context -> {
            assertThat(context).hasSingleBean(GateOnFeatureAspect.class).hasSingleBean(BillingStageAspect.class)
                    .hasSingleBean(TrackEventAspect.class);
            Service service = context.getBean(Service.class);
            assertThat(AopUtils.isCglibProxy(service)).isTrue();
            service.export("acme");
            assertThat(context.getBean(RecordingTracker.class).eventsNamed("exported")).hasSize(1);
        });
    }

    @Test
    void worksOnJdkProxies() {
        runner.withPropertyValues("spring.aop.proxy-target-class=false")
                .withBean(Operations.class, Service::new).run(context -> {
                    Operations operations = context.getBean(Operations.class);
                    assertThat(AopUtils.isJdkDynamicProxy(operations)).isTrue();
                    operations.export("acme");
                    assertThat(context.getBean(RecordingTracker.class).eventsNamed("exported")).hasSize(1);
                });
    }

    @Test
    void nestsTheAspectsInTheConfiguredOrder() {
        runner.withBean(Service.class).run(context -> {
            context.getBean(Service.class).upgrade("acme");
            assertThat(context.getBean(RecordingTracker.class).messages()).extracting(this::kind)
                    .containsExactly("track", "billing");
        });
        runner.withBean(Service.class)
                .withPropertyValues("tracking.aspects.track-order=2", "tracking.aspects.billing-stage-order=3")
                .run(context -> {
                    context.getBean(Service.class).upgrade("acme");
                    assertThat(context.getBean(TrackEventAspect.class).getOrder()).isEqualTo(2);
                    assertThat(context.getBean(RecordingTracker.class).messages()).extracting(this::kind)
                            .containsExactly("billing", "track");
                });
    }

    @Test
    void usesTheApplicationsIdentityResolver() {
        runner.withBean(Resolved.class)
                .withBean(IdentityResolver.class, () -> () -> Identity.ofCustomer("from-resolver"))
                .run(context -> {
                    context.getBean(Resolved.class).export();
                    TrackMessage event = context.getBean(RecordingTracker.class).events().get(0);
                    assertThat(event.identity().customerId()).isEqualTo("from-resolver");
                });
    }

    @Test
    void failsStartupOnABadExpressionNamingClassMethodAndAttribute() {
        runner.withBean(BadExpression.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidTrackingAnnotationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(BadExpression.class.getName() + ".export(..)")
                    .contains("@TrackEvent(customerId)");
            assertThat(analysis.getAction()).contains("attribute 'customerId'");
        });
    }

    @Test
    void failsStartupOnAMethodWithoutAnIdentity() {
        runner.withBean(Resolved.class).run(context -> assertThat(context).getFailure()
                .isInstanceOf(InvalidTrackingAnnotationException.class)
                .hasMessageContaining(Resolved.class.getName() + ".export(..)")
                .hasMessageContaining("IdentityResolver"));
    }

    @Test
    void backsOffWhenSwitchedOffOrWithoutATracker() {
        runner.withBean(Service.class).withPropertyValues("tracking.aspects.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(TrackEventAspect.class);
            assertThat(AopUtils.isAopProxy(context.getBean(Service.class))).isFalse();
        });
        runner.withPropertyValues("tracking.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TrackEventAspect.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrackingAspectsAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(TrackEventAspect.class));
    }

    @Test
    void leavesBeansWithoutAnnotationsUnproxied() {
        runner.withBean(Plain.class)
                .run(context -> assertThat(AopUtils.isAopProxy(context.getBean(Plain.class))).isFalse());
    }

    @Test
    void createsNoApplicationBeanEarlyWhileBeanPostProcessorsAreCreated(CapturedOutput output) {
        runner.withBean(Service.class).withBean(PlainPostProcessor.class)
                .withPropertyValues("tracking.aspects.track-order=2", "tracking.aspects.billing-stage-order=3")
                .run(context -> {
                    assertThat(context.getBean(TrackEventAspect.class).getOrder()).isEqualTo(2);
                    assertThat(AopUtils.isAopProxy(context.getBean(Service.class))).isTrue();
                });
        assertThat(output).doesNotContain("not eligible for getting processed by all BeanPostProcessors");
    }

    @Test
    void backsOffToTheApplicationsAspect() {
        TrackEventAspect own = new TrackEventAspect(null, 5);
        runner.withBean(TrackEventAspect.class, () -> own)
                .run(context -> assertThat(context.getBean(TrackEventAspect.class)).isSameAs(own));
    }

    private String kind(Message message) {
        return message instanceof TrackMessage ? "track" : "billing";
    }

    public static class Plain {
        public void export(String customerId) {
        }
    }

    public static class PlainPostProcessor implements BeanPostProcessor {
    }

    public interface Operations {
        void export(String customerId);
    }

    public static class Service implements Operations {

        @Override
        @TrackEvent(value = "exported", customerId = "#customerId")
        public void export(String customerId) {
        }

        @TrackEvent(value = "upgraded", customerId = "#customerId")
        @BillingStage(value = BillingStatus.PAID, customerId = "#customerId")
        public void upgrade(String customerId) {
        }
    }

    public static class Resolved {
        @TrackEvent("exported")
        public void export() {
        }
    }

    public static class BadExpression {
        @TrackEvent(value = "exported", customerId = "#customerId)")
        public void export(String customerId) {
        }
    }
}
