package dev.tracking.spring.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Matches the methods a tracking annotation applies to, as {@link TrackingAnnotations} finds it: on the method
 * itself, or on its class for a public method. Decided once per method when the proxy is built, never per call.
 */
final class TrackingAnnotationPointcut extends StaticMethodMatcherPointcut {

    private final Class<? extends Annotation> annotation;

    TrackingAnnotationPointcut(Class<? extends Annotation> annotation) {
        this.annotation = annotation;
        setClassFilter(type -> AnnotationUtils.isCandidateClass(type, annotation));
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        Method specific = targetClass == null ? method : AopUtils.getMostSpecificMethod(method, targetClass);
        return TrackingAnnotations.find(specific, annotation) != null;
    }

    @Override
    public String toString() {
        return "methods annotated with @" + annotation.getSimpleName() + ", or public ones of annotated classes";
    }
}
