package dev.tracking.spring.aop;

import dev.tracking.BillingStatusMessage;
import dev.tracking.annotation.BillingStage;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.expression.EvaluationContext;

/**
 * Gives {@link BillingStage} its behaviour: reports the customer's billing status after the method succeeds
 * (for a {@code CompletionStage}, when it completes normally). Nothing that goes wrong while reporting reaches
 * the caller.
 */
@Aspect
public class BillingStageAspect implements Ordered {

    private final AspectSupport support;
    private final int order;

    public BillingStageAspect(AspectSupport support, int order) {
        this.support = support;
        this.order = order;
    }

    @Around("@annotation(dev.tracking.annotation.BillingStage) || @within(dev.tracking.annotation.BillingStage)")
    public Object report(ProceedingJoinPoint joinPoint) throws Throwable {
        Invocation invocation = Invocation.of(joinPoint);
        BillingStageDefinition definition = definition(invocation);
        if (definition == null) {
            return joinPoint.proceed();
        }
        return Completion.whenFinal(joinPoint.proceed(), (value, failure) -> {
            if (failure == null) {
                record(definition, invocation, value);
            }
        });
    }

    @Override
    public int getOrder() {
        return order;
    }

    private BillingStageDefinition definition(Invocation invocation) {
        try {
            return support.annotations().billingStage(invocation.method(), invocation.targetClass());
        }
        catch (InvalidTrackingAnnotationException ex) {
            support.skipped(BillingStage.class, invocation, "expression_error", ex);
            return null;
        }
    }

    private void record(BillingStageDefinition definition, Invocation invocation, Object result) {
        support.record(BillingStage.class, invocation, () -> {
            EvaluationContext context = support.context(invocation, result, null);
            String customerId = definition.customerId() != null
                    ? String.valueOf(support.evaluator().evaluate(definition.customerId(), context, Object.class))
                    : support.resolvedIdentity(invocation).customerId();
            if (customerId == null) {
                throw new AspectSupport.NoIdentityException("no customer id from the annotation or the IdentityResolver");
            }
            support.tracker().billingStatus(BillingStatusMessage.builder(definition.status(), customerId)
                    .properties(definition.properties().evaluate(support.evaluator(), context)).build());
        });
    }
}
