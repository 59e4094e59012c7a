package dev.tracking.spring.autoconfigure;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers Spring's infrastructure auto-proxy creator when no auto-proxy creator exists yet (no AspectJ, or
 * {@code spring.aop.auto=false}), as {@code @EnableTransactionManagement} does, so that the tracking advisors
 * apply without AspectJ. An existing creator (such as the AspectJ one) is kept. Class-based proxies follow
 * {@code spring.aop.proxy-target-class} (default {@code true}), as in Spring Boot.
 */
final class TrackingAutoProxyRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
        boolean classProxies = Binder.get(environment).bind("spring.aop.proxy-target-class", Boolean.class)
                .orElse(true);
        if (classProxies) {
            AopConfigUtils.forceAutoProxyCreatorToUseClassProxying(registry);
        }
    }
}
