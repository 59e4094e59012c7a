package dev.tracking.spring.aop;

import java.lang.annotation.Annotation;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.core.Ordered;

/**
 * The advisor of one tracking annotation: Spring's auto-proxying applies it, in its order among all advisors and
 * aspects, to the bean methods the annotation applies to, and it intercepts them itself. The pointcut is decided
 * once per method, so a call pays for no matching.
 */
public abstract class TrackingAdvisor implements PointcutAdvisor, MethodInterceptor, Ordered {

    private final Class<? extends Annotation> annotation;
    private final Pointcut pointcut;
    private final int order;

    protected TrackingAdvisor(Class<? extends Annotation> annotation, int order) {
        this.annotation = annotation;
        this.pointcut = new TrackingAnnotationPointcut(annotation);
        this.order = order;
    }

    /** The annotation this advisor gives behaviour. */
    public Class<? extends Annotation> annotation() {
        return annotation;
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return this;
    }

    @Override
    public int getOrder() {
        return order;
    }
}
