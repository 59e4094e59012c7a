package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.spring.aop.AspectSupport;
import dev.tracking.spring.aop.BillingStageAspect;
import dev.tracking.spring.aop.GateOnFeatureAspect;
import dev.tracking.spring.aop.TrackEventAspect;
import dev.tracking.spring.aop.TrackingAnnotationVerifier;
import dev.tracking.spring.aop.TrackingAnnotations;
import dev.tracking.spring.aop.TrackingAspectListener;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import dev.tracking.spring.identity.IdentityResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.util.function.SingletonSupplier;

/**
 * Gives {@code @GateOnFeature}, {@code @BillingStage} and {@code @TrackEvent} their behaviour on Spring beans,
 * when AspectJ is on the class path (it comes with the starter) and a {@link Tracker} bean exists.
 * {@code tracking.aspects.enabled=false} switches the annotations off.
 */
@AutoConfiguration(after = TrackingAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration")
@ConditionalOnClass(name = "org.aspectj.lang.annotation.Aspect")
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tracking.aspects.enabled", matchIfMissing = true)
@ConditionalOnBean(Tracker.class)
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingAspectsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public TrackingExpressionEvaluator trackingExpressionEvaluator(ConfigurableListableBeanFactory beanFactory) {
        return new TrackingExpressionEvaluator(new BeanFactoryResolver(beanFactory));
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackingAnnotations trackingAnnotations(TrackingExpressionEvaluator evaluator,
            ConfigurableListableBeanFactory beanFactory) {
        return new TrackingAnnotations(evaluator,
                () -> beanFactory.getBeanNamesForType(IdentityResolver.class, true, false).length > 0);
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackingAnnotationVerifier trackingAnnotationVerifier(ConfigurableListableBeanFactory beanFactory,
            TrackingAnnotations annotations) {
        return new TrackingAnnotationVerifier(beanFactory, annotations);
    }

    @Bean
    @ConditionalOnMissingBean
    public AspectSupport trackingAspectSupport(ObjectProvider<Tracker> tracker,
            ObjectProvider<IdentityResolver> identityResolver, TrackingAnnotations annotations,
            TrackingExpressionEvaluator evaluator, ObjectProvider<TrackingAspectListener> listeners) {
        return new AspectSupport(SingletonSupplier.of(tracker::getObject), identityResolver::getIfUnique,
                annotations, evaluator, SingletonSupplier.of(() -> listeners.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnMissingBean
    public GateOnFeatureAspect gateOnFeatureAspect(AspectSupport support, TrackingProperties properties) {
        return new GateOnFeatureAspect(support, properties.getEntitlements().getOnError(),
                properties.getAspects().getGateOrder());
    }

    @Bean
    @ConditionalOnMissingBean
    public BillingStageAspect billingStageAspect(AspectSupport support, TrackingProperties properties) {
        return new BillingStageAspect(support, properties.getAspects().getBillingStageOrder());
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackEventAspect trackEventAspect(AspectSupport support, TrackingProperties properties) {
        return new TrackEventAspect(support, properties.getAspects().getTrackOrder());
    }
}
