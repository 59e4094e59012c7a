package dev.tracking.spring.aop;

import dev.tracking.BillingStatusMessage;
import dev.tracking.annotation.BillingStage;
import dev.tracking.spring.expression.CallEvaluationContext;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Gives {@link BillingStage} its behaviour: reports the customer's billing status after the method succeeds
 * (for a {@code CompletionStage}, when it completes normally), for the customer the resolver named on the
 * calling thread when the method was called. Nothing that goes wrong while reporting reaches the caller.
 */
public class BillingStageAspect extends TrackingAdvisor {

    private final AspectSupport support;

    public BillingStageAspect(AspectSupport support, int order) {
        super(BillingStage.class, order);
        this.support = support;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        BillingStageDefinition definition = definition(invocation);
        if (definition == null) {
            return invocation.proceed();
        }
        Object target = invocation.getThis();
        Object[] args = invocation.getArguments();
        String resolvedCustomerId = definition.customerId() == null
                ? support.resolvedIdentity(definition.method()).customerId() : null;
        Object result = invocation.proceed();
        if (result instanceof CompletionStage<?> stage) {
            Completion.whenComplete(stage, (value, failure) -> {
                if (failure == null) {
                    record(definition, target, args, value, resolvedCustomerId);
                }
            });
        }
        else {
            record(definition, target, args, result, resolvedCustomerId);
        }
        return result;
    }

    private BillingStageDefinition definition(MethodInvocation invocation) {
        try {
            return support.annotations().billingStage(invocation.getMethod(), AspectSupport.targetClass(invocation));
        }
        catch (InvalidTrackingAnnotationException ex) {
            support.skipped(BillingStage.class, ex.location(), "expression_error", ex.getMessage());
            return null;
        }
    }

    private void record(BillingStageDefinition definition, Object target, Object[] args, Object result,
            String resolvedCustomerId) {
        TrackingExpressionEvaluator evaluator = support.evaluator();
        try {
            CallEvaluationContext context = definition.method().context(evaluator, target, args, result, null);
            String customerId = definition.customerId() != null
                    ? IdentityExpressions.text(evaluator, definition.customerId(), context)
                    : resolvedCustomerId;
            if (customerId == null) {
                support.skipped(BillingStage.class, definition.method().describe(), "no_identity",
                        "no customer id from the annotation or the IdentityResolver");
                return;
            }
            BillingStatusMessage.Builder message = BillingStatusMessage.builder(definition.status(), customerId);
            definition.properties().evaluate(evaluator, context, support.propertyValues(), message::property);
            support.tracker().billingStatus(message.build());
        }
        catch (RuntimeException ex) {
            support.recordFailed(BillingStage.class, definition.method(), ex);
        }
    }
}
