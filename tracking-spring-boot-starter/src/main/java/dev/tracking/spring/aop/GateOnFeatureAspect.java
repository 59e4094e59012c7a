package dev.tracking.spring.aop;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.annotation.GateOnFeature;
import java.util.concurrent.CompletableFuture;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;

/**
 * Gives {@link GateOnFeature} its behaviour: asks the tracker's entitlements before the method runs, and when
 * access is denied throws {@link FeatureAccessDeniedException} instead of running it (a method returning a
 * {@code CompletionStage} returns a failed one). Without an answer — the backend fails, or the customer id
 * cannot be had — the annotation's no-answer policy decides, by default {@code tracking.entitlements.on-error}.
 * An annotation that cannot work (normally refused at startup) throws {@link InvalidTrackingAnnotationException}.
 */
@Aspect
public class GateOnFeatureAspect implements Ordered {

    private final AspectSupport support;
    private final OnNoAnswer defaultPolicy;
    private final int order;

    public GateOnFeatureAspect(AspectSupport support, OnNoAnswer defaultPolicy, int order) {
        this.support = support;
        this.defaultPolicy = defaultPolicy;
        this.order = order;
    }

    @Around("@annotation(dev.tracking.annotation.GateOnFeature) || @within(dev.tracking.annotation.GateOnFeature)")
    public Object gate(ProceedingJoinPoint joinPoint) throws Throwable {
        Invocation invocation = Invocation.of(joinPoint);
        GateDefinition definition = support.annotations().gate(invocation.method(), invocation.targetClass());
        if (definition == null) {
            return joinPoint.proceed();
        }
        AccessDecision decision = decide(definition, invocation);
        support.accessChecked(decision);
        if (decision.allowed()) {
            return joinPoint.proceed();
        }
        FeatureAccessDeniedException denied = new FeatureAccessDeniedException(decision);
        if (invocation.method().getReturnType().isAssignableFrom(CompletableFuture.class)
                && invocation.method().getReturnType() != Object.class) {
            return CompletableFuture.failedFuture(denied);
        }
        throw denied;
    }

    @Override
    public int getOrder() {
        return order;
    }

    private AccessDecision decide(GateDefinition definition, Invocation invocation) {
        OnNoAnswer policy = switch (definition.onNoAnswer()) {
            case DEFAULT -> defaultPolicy;
            case ALLOW -> OnNoAnswer.ALLOW;
            case DENY -> OnNoAnswer.DENY;
        };
        String customerId;
        try {
            customerId = customerId(definition, invocation);
        }
        catch (RuntimeException ex) {
            support.problem("gate-customer:" + invocation.describe(), "@GateOnFeature on " + invocation.describe()
                    + " has no customer id (" + ex.getMessage() + "); deciding by the no-answer policy " + policy, null);
            return noAnswer(definition, null, policy, AccessReason.UNKNOWN_CUSTOMER);
        }
        try {
            Entitlements entitlements = support.tracker().entitlements();
            return definition.isMetered() ? entitlements.checkEvent(customerId, definition.event(), policy)
                    : entitlements.checkFeature(customerId, definition.feature(), policy);
        }
        catch (RuntimeException ex) {
            support.problem("gate-check:" + invocation.describe(), "Access check for " + invocation.describe()
                    + " failed; deciding by the no-answer policy " + policy, ex);
            return noAnswer(definition, customerId, policy, AccessReason.BACKEND_UNAVAILABLE);
        }
    }

    private String customerId(GateDefinition definition, Invocation invocation) {
        if (definition.customerId() != null) {
            return String.valueOf(support.evaluator().evaluate(definition.customerId(),
                    support.context(invocation, null, null), Object.class));
        }
        String customerId = support.resolvedIdentity(invocation).customerId();
        if (customerId == null) {
            throw new AspectSupport.NoIdentityException("the IdentityResolver gave no customer id");
        }
        return customerId;
    }

    private static AccessDecision noAnswer(GateDefinition definition, String customerId, OnNoAnswer policy,
            AccessReason reason) {
        boolean allowed = policy == OnNoAnswer.ALLOW;
        return definition.isMetered()
                ? AccessDecision.forEvent(customerId, definition.event(), allowed, reason, null, null, DecisionSource.FALLBACK)
                : AccessDecision.forFeature(customerId, definition.feature(), allowed, reason, DecisionSource.FALLBACK);
    }
}
