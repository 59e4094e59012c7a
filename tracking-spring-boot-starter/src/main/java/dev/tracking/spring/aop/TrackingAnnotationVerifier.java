package dev.tracking.spring.aop;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Parses the tracking annotations of every bean once all singletons exist, so that a bad expression or a
 * method without a way to get an identity fails startup instead of the first call.
 */
public class TrackingAnnotationVerifier implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;
    private final TrackingAnnotations annotations;

    public TrackingAnnotationVerifier(ConfigurableListableBeanFactory beanFactory, TrackingAnnotations annotations) {
        this.beanFactory = beanFactory;
        this.annotations = annotations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = targetType(name);
            if (type != null) {
                annotations.verify(type);
            }
        }
    }

    private Class<?> targetType(String name) {
        Object singleton = beanFactory.containsSingleton(name) ? beanFactory.getSingleton(name) : null;
        if (singleton != null) {
            return AopProxyUtils.ultimateTargetClass(singleton);
        }
        Class<?> type = beanFactory.getType(name, false);
        return type == null ? null : ClassUtils.getUserClass(type);
    }
}
