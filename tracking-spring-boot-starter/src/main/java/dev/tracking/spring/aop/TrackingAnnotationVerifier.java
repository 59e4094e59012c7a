package dev.tracking.spring.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Makes sure every tracking annotation of every bean works, or the application does not start: before a bean
 * is proxied, an annotation Spring AOP cannot intercept (private, static or final method, final class) fails and
 * a detectable self-invocation warns (see {@link ProxyPitfalls}); once all singletons exist, every annotation is
 * parsed (a bad expression or a method without a way to get an identity fails) and every singleton with an
 * annotation must carry the advisor of each of its annotations (a bean created before the advisors, or
 * registered as a ready-made instance, would otherwise be silently untracked).
 */
public class TrackingAnnotationVerifier implements SmartInitializingSingleton, BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(TrackingAnnotationVerifier.class);

    private static final Mocks MOCKS = new Mocks();

    private final ConfigurableListableBeanFactory beanFactory;
    private final TrackingAnnotations annotations;
    private final Set<Class<?>> checked = ConcurrentHashMap.newKeySet();

    public TrackingAnnotationVerifier(ConfigurableListableBeanFactory beanFactory, TrackingAnnotations annotations) {
        this.beanFactory = beanFactory;
        this.annotations = annotations;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        Class<?> type = ClassUtils.getUserClass(bean);
        if (!isGenerated(type) && checked.add(type)) {
            Map<Method, List<Class<? extends Annotation>>> annotated = TrackingAnnotations.annotatedMethods(type);
            if (!annotated.isEmpty()) {
                ProxyPitfalls.check(type, annotated);
                List<String> calls = ProxyPitfalls.selfInvocations(type, annotated);
                if (!calls.isEmpty()) {
                    log.warn("{} calls its own annotated methods ({}): Spring AOP does not intercept a call from a"
                            + " bean to itself, so the tracking annotations do not apply to those calls. Annotate"
                            + " the method other beans call, or move the annotated method to another bean.",
                            type.getName(), String.join("; ", calls));
                }
            }
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = targetType(name);
            if (type != null) {
                annotations.verify(type);
            }
        }
        for (String name : beanFactory.getSingletonNames()) {
            Object bean = beanFactory.getSingleton(name);
            if (bean != null && !(bean instanceof TrackingAdvisor)) {
                verifyAdvised(name, bean);
            }
        }
    }

    private void verifyAdvised(String name, Object bean) {
        Class<?> type = AopProxyUtils.ultimateTargetClass(bean);
        if (isGenerated(type) || MOCKS.isMock(bean)) {
            return;
        }
        Map<Method, List<Class<? extends Annotation>>> annotated = TrackingAnnotations.annotatedMethods(type);
        for (Map.Entry<Method, List<Class<? extends Annotation>>> entry : annotated.entrySet()) {
            ProxyPitfalls.check(type, Map.of(entry.getKey(), entry.getValue()));
            for (Class<? extends Annotation> annotation : entry.getValue()) {
                if (!advises(bean, annotation)) {
                    throw new InvalidTrackingAnnotationException(entry.getKey(), annotation.getSimpleName(), null,
                            "the bean '" + name + "' does not go through the @" + annotation.getSimpleName()
                                    + " advisor, so the annotation would do nothing",
                            "Let Spring create the bean as an ordinary bean (not a BeanPostProcessor or"
                                    + " BeanFactoryPostProcessor, nor a ready-made instance registered with"
                                    + " registerSingleton), or set tracking.aspects.enabled=false to switch the"
                                    + " annotations off knowingly.", null);
                }
            }
        }
    }

    /** A generated subclass, e.g. a test's Mockito mock or spy, whose annotations are not meant to work. */
    private static boolean isGenerated(Class<?> type) {
        String name = type.getName();
        return type.isSynthetic() || name.contains("$MockitoMock$") || name.contains("$ByteBuddy$");
    }

    /** Recognizes a test's Mockito mock or spy (inline mocks keep the mocked class), when Mockito is present. */
    private static final class Mocks {

        private final Method mockingDetails;
        private final Method isMock;

        Mocks() {
            Method details = null;
            Method mock = null;
            try {
                ClassLoader loader = TrackingAnnotationVerifier.class.getClassLoader();
                details = Class.forName("org.mockito.Mockito", false, loader).getMethod("mockingDetails", Object.class);
                mock = Class.forName("org.mockito.MockingDetails", false, loader).getMethod("isMock");
            }
            catch (ReflectiveOperationException | LinkageError ex) {
                // no Mockito: no mocks
            }
            this.mockingDetails = details;
            this.isMock = mock;
        }

        boolean isMock(Object bean) {
            if (mockingDetails == null) {
                return false;
            }
            try {
                return Boolean.TRUE.equals(isMock.invoke(mockingDetails.invoke(null, bean)));
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                return false;
            }
        }
    }

    private static boolean advises(Object bean, Class<? extends Annotation> annotation) {
        if (!(bean instanceof Advised advised)) {
            return false;
        }
        for (Advisor advisor : advised.getAdvisors()) {
            if (advisor instanceof TrackingAdvisor tracking && tracking.annotation() == annotation) {
                return true;
            }
        }
        return false;
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
