package dev.tracking.spring.aop;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.annotation.GateOnFeature;
import java.util.concurrent.CompletableFuture;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Gives {@link GateOnFeature} its behaviour: asks the tracker's entitlements before the method runs, and when
 * access is denied throws {@link FeatureAccessDeniedException} instead of running it (a method returning a
 * {@code CompletionStage} returns a failed one). Without an answer — the backend fails, or the customer id
 * cannot be had — the annotation's no-answer policy decides, by default {@code tracking.entitlements.on-error}.
 * An annotation that cannot work (normally refused at startup) throws {@link InvalidTrackingAnnotationException}.
 */
public class GateOnFeatureAspect extends TrackingAdvisor {

    private final AspectSupport support;
    private final OnNoAnswer defaultPolicy;

    public GateOnFeatureAspect(AspectSupport support, OnNoAnswer defaultPolicy, int order) {
        super(GateOnFeature.class, order);
        this.support = support;
        this.defaultPolicy = defaultPolicy;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        GateDefinition definition = support.annotations().gate(invocation.getMethod(),
                AspectSupport.targetClass(invocation));
        if (definition == null) {
            return invocation.proceed();
        }
        AccessDecision decision = decide(definition, invocation);
        if (decision.allowed()) {
            return invocation.proceed();
        }
        FeatureAccessDeniedException denied = new FeatureAccessDeniedException(decision);
        if (definition.returnsFuture()) {
            return CompletableFuture.failedFuture(denied);
        }
        throw denied;
    }

    private AccessDecision decide(GateDefinition definition, MethodInvocation invocation) {
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
            return noCustomer(definition, policy, ex.getMessage());
        }
        if (customerId == null) {
            return noCustomer(definition, policy, "the IdentityResolver gave no customer id");
        }
        try {
            Entitlements entitlements = support.tracker().entitlements();
            return definition.isMetered() ? entitlements.checkEvent(customerId, definition.event(), policy)
                    : entitlements.checkFeature(customerId, definition.feature(), policy);
        }
        catch (RuntimeException ex) {
            String location = definition.method().describe();
            support.problem("gate-check:" + location, "Access check for " + location
                    + " failed; deciding by the no-answer policy " + policy, ex);
            return noAnswer(definition, customerId, policy, AccessReason.BACKEND_UNAVAILABLE);
        }
    }

    private String customerId(GateDefinition definition, MethodInvocation invocation) {
        if (definition.customerId() == null) {
            return support.resolvedIdentity(definition.method()).customerId();
        }
        return IdentityExpressions.text(support.evaluator(), definition.customerId(), definition.method()
                .context(support.evaluator(), invocation.getThis(), invocation.getArguments(), null, null));
    }

    private AccessDecision noCustomer(GateDefinition definition, OnNoAnswer policy, String why) {
        String location = definition.method().describe();
        support.problem("gate-customer:" + location, "@GateOnFeature on " + location + " has no customer id ("
                + why + "); deciding by the no-answer policy " + policy, null);
        return noAnswer(definition, null, policy, AccessReason.UNKNOWN_CUSTOMER);
    }

    /** The policy's decision when the entitlements could not be asked; told to the aspect listeners. */
    private AccessDecision noAnswer(GateDefinition definition, String customerId, OnNoAnswer policy,
            AccessReason reason) {
        boolean allowed = policy == OnNoAnswer.ALLOW;
        AccessDecision decision = definition.isMetered()
                ? AccessDecision.forEvent(customerId, definition.event(), allowed, reason, null, null, DecisionSource.FALLBACK)
                : AccessDecision.forFeature(customerId, definition.feature(), allowed, reason, DecisionSource.FALLBACK);
        support.accessChecked(decision);
        return decision;
    }
}
