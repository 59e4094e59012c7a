package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.access.Reservation;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.expression.CallEvaluationContext;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Gives {@link TrackEvent} its behaviour: records the event after the method returns, throws, or either, as
 * the annotation says; for a {@code CompletionStage}, when it completes. The identity from the application's
 * resolver is taken on the calling thread when the method is called, so a stage completing on another thread is
 * recorded for the caller. Nothing that goes wrong while recording reaches the caller.
 */
public class TrackEventAspect extends TrackingAdvisor {

    private final AspectSupport support;

    public TrackEventAspect(AspectSupport support, int order) {
        super(TrackEvent.class, order);
        this.support = support;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        TrackEventDefinition definition = definition(invocation);
        if (definition == null) {
            return invocation.proceed();
        }
        Object target = invocation.getThis();
        Object[] args = invocation.getArguments();
        Call call = new Call(target, args, resolvedNow(definition), paidBy(definition));
        Object result;
        try {
            result = invocation.proceed();
        }
        catch (Throwable ex) {
            if (definition.recordsOnFailure()) {
                record(definition, call, null, ex);
            }
            throw ex;
        }
        if (result instanceof CompletionStage<?> stage) {
            Completion.whenComplete(stage, (value, failure) -> {
                if (failure == null ? definition.recordsOnSuccess() : definition.recordsOnFailure()) {
                    record(definition, call, value, failure);
                }
            });
        }
        else if (definition.recordsOnSuccess()) {
            record(definition, call, result, null);
        }
        return result;
    }

    /**
     * What the recording needs from the moment of the call: the resolver's identity (taken on the calling thread,
     * so that a stage completing on another thread is recorded for the caller) and the reservation of a metered
     * gate on the same event, which the recorded event uses instead of counting again.
     */
    private record Call(Object target, Object[] args, Identity resolved, Reservation reservation) {
    }

    private Identity resolvedNow(TrackEventDefinition definition) {
        return definition.identity().isPartial() ? support.resolvedIdentity(definition.method()) : Identity.empty();
    }

    private static Reservation paidBy(TrackEventDefinition definition) {
        return GatedCall.takeFor(definition.eventName());
    }

    private TrackEventDefinition definition(MethodInvocation invocation) {
        try {
            return support.annotations().trackEvent(invocation.getMethod(), AspectSupport.targetClass(invocation));
        }
        catch (InvalidTrackingAnnotationException ex) {
            support.skipped(TrackEvent.class, ex.location(), "expression_error", ex.getMessage());
            return null;
        }
    }

    private void record(TrackEventDefinition definition, Call call, Object result, Throwable exception) {
        TrackingExpressionEvaluator evaluator = support.evaluator();
        try {
            CallEvaluationContext context = definition.method().context(evaluator, call.target(), call.args(), result,
                    exception);
            if (definition.condition() != null && !evaluator.evaluate(definition.condition(), context, Boolean.class)) {
                return;
            }
            Identity identity = definition.identity().evaluate(evaluator, context);
            if (definition.identity().isPartial()) {
                Identity resolved = call.resolved();
                if (!resolved.isEmpty()) {
                    identity = identity.orElse(resolved);
                }
            }
            if (identity.isEmpty()) {
                support.skipped(TrackEvent.class, definition.method().describe(), "no_identity",
                        "no identity from the annotation or the IdentityResolver");
                return;
            }
            TrackMessage.Builder message = TrackMessage.builder(definition.eventName()).identity(identity);
            definition.properties().evaluate(evaluator, context, support.propertyValues(), message::property);
            if (call.reservation() != null && exception == null) {
                support.tracker().track(message.build(), call.reservation());
            }
            else {
                support.tracker().track(message.build());
            }
        }
        catch (RuntimeException ex) {
            support.recordFailed(TrackEvent.class, definition.method(), ex);
        }
    }
}
