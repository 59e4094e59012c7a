package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.spring.aop.AspectSupport;
import dev.tracking.spring.aop.AsyncAdvisorOrdering;
import dev.tracking.spring.aop.BillingStageAspect;
import dev.tracking.spring.aop.GateOnFeatureAspect;
import dev.tracking.spring.aop.SkippedRecordings;
import dev.tracking.spring.aop.TrackEventAspect;
import dev.tracking.spring.aop.TrackingAnnotationVerifier;
import dev.tracking.spring.aop.TrackingAnnotations;
import dev.tracking.spring.aop.TrackingAspectListener;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import dev.tracking.spring.identity.IdentityResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Gives {@code @GateOnFeature}, {@code @BillingStage} and {@code @TrackEvent} their behaviour on Spring beans
 * when a {@link Tracker} bean exists. The aspects are plain Spring AOP advisors: AspectJ is not needed, and an
 * auto-proxy creator is registered when the application has none. {@code tracking.aspects.enabled=false}
 * switches the annotations off; otherwise an annotation that cannot work fails startup
 * ({@link TrackingAnnotationVerifier}).
 *
 * <p>The three aspects are advisors, which Spring's auto-proxying creates before the application's beans; they
 * and what they need are infrastructure beans created from static methods, and they read their settings from the
 * environment, so that creating them early creates no application bean.
 */
@AutoConfiguration(after = TrackingAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration")
@ConditionalOnBooleanProperty(name = "tracking.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tracking.aspects.enabled", matchIfMissing = true)
@ConditionalOnBean(Tracker.class)
@EnableConfigurationProperties(TrackingProperties.class)
@Import(TrackingAutoProxyRegistrar.class)
public class TrackingAspectsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static TrackingExpressionEvaluator trackingExpressionEvaluator(ConfigurableListableBeanFactory beanFactory) {
        return new TrackingExpressionEvaluator(new BeanFactoryResolver(beanFactory), beanFactory.getBeanClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static TrackingAnnotations trackingAnnotations(TrackingExpressionEvaluator evaluator,
            ConfigurableListableBeanFactory beanFactory) {
        return new TrackingAnnotations(evaluator,
                () -> beanFactory.getBeanNamesForType(IdentityResolver.class, true, false).length > 0);
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static TrackingAnnotationVerifier trackingAnnotationVerifier(ConfigurableListableBeanFactory beanFactory,
            TrackingAnnotations annotations) {
        return new TrackingAnnotationVerifier(beanFactory, annotations);
    }

    /** Counts the recordings the annotations skipped, for the health component and the endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public SkippedRecordings trackingSkippedRecordings() {
        return new SkippedRecordings();
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static AspectSupport trackingAspectSupport(ObjectProvider<Tracker> tracker,
            ObjectProvider<IdentityResolver> identityResolver, TrackingAnnotations annotations,
            TrackingExpressionEvaluator evaluator, ObjectProvider<TrackingAspectListener> listeners,
            ConfigurableListableBeanFactory beanFactory) {
        return new AspectSupport(SingletonSupplier.of(tracker::getObject), identityResolver::getIfUnique,
                annotations, evaluator, SingletonSupplier.of(() -> listeners.orderedStream().toList()),
                EventPropertyValuesFactory.create(beanFactory));
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static GateOnFeatureAspect gateOnFeatureAspect(AspectSupport support, Environment environment) {
        EntitlementsProperties entitlements = Binder.get(environment)
                .bindOrCreate("tracking.entitlements", EntitlementsProperties.class);
        return new GateOnFeatureAspect(support, entitlements.getOnError(), aspects(environment).getGateOrder());
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static BillingStageAspect billingStageAspect(AspectSupport support, Environment environment) {
        return new BillingStageAspect(support, aspects(environment).getBillingStageOrder());
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static TrackEventAspect trackEventAspect(AspectSupport support, Environment environment) {
        return new TrackEventAspect(support, aspects(environment).getTrackOrder());
    }

    /** Puts the tracking advisors before {@code @Async}'s, so that async methods are gated on the caller's thread. */
    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static AsyncAdvisorOrdering trackingAsyncAdvisorOrdering() {
        return new AsyncAdvisorOrdering();
    }

    private static AspectsProperties aspects(Environment environment) {
        return Binder.get(environment).bindOrCreate("tracking.aspects", AspectsProperties.class);
    }
}
