package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.annotation.TrackEvent;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.expression.EvaluationContext;

/**
 * Gives {@link TrackEvent} its behaviour: records the event after the method returns, throws, or either, as
 * the annotation says; for a {@code CompletionStage}, when it completes. Nothing that goes wrong while
 * recording reaches the caller.
 */
@Aspect
public class TrackEventAspect implements Ordered {

    private final AspectSupport support;
    private final int order;

    public TrackEventAspect(AspectSupport support, int order) {
        this.support = support;
        this.order = order;
    }

    @Around("@annotation(dev.tracking.annotation.TrackEvent) || @within(dev.tracking.annotation.TrackEvent)")
    public Object track(ProceedingJoinPoint joinPoint) throws Throwable {
        Invocation invocation = Invocation.of(joinPoint);
        TrackEventDefinition definition = definition(invocation);
        if (definition == null) {
            return joinPoint.proceed();
        }
        Object result;
        try {
            result = joinPoint.proceed();
        }
        catch (Throwable ex) {
            if (definition.recordsOnFailure()) {
                record(definition, invocation, null, ex);
            }
            throw ex;
        }
        return Completion.whenFinal(result, (value, failure) -> {
            if (failure == null ? definition.recordsOnSuccess() : definition.recordsOnFailure()) {
                record(definition, invocation, value, failure);
            }
        });
    }

    @Override
    public int getOrder() {
        return order;
    }

    private TrackEventDefinition definition(Invocation invocation) {
        try {
            return support.annotations().trackEvent(invocation.method(), invocation.targetClass());
        }
        catch (InvalidTrackingAnnotationException ex) {
            support.skipped(TrackEvent.class, invocation, "expression_error", ex);
            return null;
        }
    }

    private void record(TrackEventDefinition definition, Invocation invocation, Object result, Throwable exception) {
        support.record(TrackEvent.class, invocation, () -> {
            EvaluationContext context = support.context(invocation, result, exception);
            if (definition.condition() != null
                    && !support.evaluator().evaluate(definition.condition(), context, Boolean.class)) {
                return;
            }
            Identity identity = definition.identity().evaluate(support.evaluator(), context);
            if (definition.identity().isPartial()) {
                identity = identity.orElse(support.resolvedIdentity(invocation));
            }
            if (identity.isEmpty()) {
                throw new AspectSupport.NoIdentityException("no identity from the annotation or the IdentityResolver");
            }
            support.tracker().track(TrackMessage.builder(definition.eventName()).identity(identity)
                    .properties(definition.properties().evaluate(support.evaluator(), context)).build());
        });
    }
}
