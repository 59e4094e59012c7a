package dev.tracking.spring.aop;

import dev.tracking.access.AccessDecision;
import dev.tracking.access.AccessReason;
import dev.tracking.access.DecisionSource;
import dev.tracking.access.Entitlements;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.access.Reservation;
import dev.tracking.annotation.GateOnFeature;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Gives {@link GateOnFeature} its behaviour. Everything is decided on the calling thread when the method is
 * called: the customer id, then the decision. A feature gate asks the tracker's entitlements; a metered gate
 * reserves the annotation's quantity with {@link Entitlements#tryConsume}, so that concurrent callers never get
 * the same remaining unit. The reservation is committed when the method returns (for a {@code CompletionStage},
 * when it completes normally) and released when it throws or the stage fails; a {@code @TrackEvent} of the same
 * event on the method records its event as the use of those units.
 *
 * <p>When access is denied the method does not run and {@link FeatureAccessDeniedException} is thrown (a method
 * returning a {@code CompletionStage} returns a failed one). Without an answer — the backend fails, or the
 * customer id cannot be had — the annotation's no-answer policy decides, by default
 * {@code tracking.entitlements.on-error}. An annotation that cannot work (normally refused at startup) throws
 * {@link InvalidTrackingAnnotationException}.
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
        if (!definition.isMetered()) {
            AccessDecision decision = decide(definition, invocation);
            return decision.allowed() ? invocation.proceed() : deny(definition, decision);
        }
        Reservation reservation = reserve(definition, invocation);
        if (!reservation.allowed()) {
            return deny(definition, reservation.decision());
        }
        Object result;
        Reservation previous = GatedCall.enter(reservation);
        try {
            result = invocation.proceed();
        }
        catch (Throwable ex) {
            settle(reservation, false, definition);
            throw ex;
        }
        finally {
            GatedCall.restore(previous);
        }
        if (result instanceof CompletionStage<?> stage) {
            Completion.whenComplete(stage, (value, failure) -> settle(reservation, failure == null, definition));
        }
        else {
            settle(reservation, true, definition);
        }
        return result;
    }

    private Object deny(GateDefinition definition, AccessDecision decision) {
        FeatureAccessDeniedException denied = new FeatureAccessDeniedException(decision);
        if (definition.returnsFuture()) {
            return CompletableFuture.failedFuture(denied);
        }
        throw denied;
    }

    /** Commits or releases; a store failure is logged and counted, never thrown into the business call. */
    private void settle(Reservation reservation, boolean succeeded, GateDefinition definition) {
        try {
            if (succeeded) {
                reservation.commit();
            }
            else {
                reservation.release();
            }
        }
        catch (RuntimeException ex) {
            String location = definition.method().describe();
            support.problem("gate-settle:" + location, "Could not " + (succeeded ? "commit" : "release")
                    + " the reservation of " + location, ex);
        }
    }

    private Reservation reserve(GateDefinition definition, MethodInvocation invocation) {
        OnNoAnswer policy = policy(definition);
        String customerId = customerIdOrNull(definition, invocation, policy);
        if (customerId == null) {
            return Reservation.holdingNothing(noCustomer(definition, policy));
        }
        try {
            return support.tracker().entitlements().tryConsume(customerId, definition.event(),
                    definition.quantity(), policy);
        }
        catch (RuntimeException ex) {
            return Reservation.holdingNothing(backendFailed(definition, customerId, policy, ex));
        }
    }

    private AccessDecision decide(GateDefinition definition, MethodInvocation invocation) {
        OnNoAnswer policy = policy(definition);
        String customerId = customerIdOrNull(definition, invocation, policy);
        if (customerId == null) {
            return noCustomer(definition, policy);
        }
        try {
            return support.tracker().entitlements().checkFeature(customerId, definition.feature(), policy);
        }
        catch (RuntimeException ex) {
            return backendFailed(definition, customerId, policy, ex);
        }
    }

    private OnNoAnswer policy(GateDefinition definition) {
        return switch (definition.onNoAnswer()) {
            case DEFAULT -> defaultPolicy;
            case ALLOW -> OnNoAnswer.ALLOW;
            case DENY -> OnNoAnswer.DENY;
        };
    }

    /** The customer id, or {@code null} (the problem logged) when the expression or the resolver gives none. */
    private String customerIdOrNull(GateDefinition definition, MethodInvocation invocation, OnNoAnswer policy) {
        String why;
        try {
            String customerId = customerId(definition, invocation);
            if (customerId != null) {
                return customerId;
            }
            why = "the IdentityResolver gave no customer id";
        }
        catch (RuntimeException ex) {
            why = ex.getMessage();
        }
        String location = definition.method().describe();
        support.problem("gate-customer:" + location, "@GateOnFeature on " + location + " has no customer id ("
                + why + "); deciding by the no-answer policy " + policy, null);
        return null;
    }

    private String customerId(GateDefinition definition, MethodInvocation invocation) {
        if (definition.customerId() == null) {
            return support.resolvedIdentity(definition.method()).customerId();
        }
        return IdentityExpressions.text(support.evaluator(), definition.customerId(), definition.method()
                .context(support.evaluator(), invocation.getThis(), invocation.getArguments(), null, null));
    }

    private AccessDecision noCustomer(GateDefinition definition, OnNoAnswer policy) {
        return noAnswer(definition, null, policy, AccessReason.UNKNOWN_CUSTOMER);
    }

    private AccessDecision backendFailed(GateDefinition definition, String customerId, OnNoAnswer policy,
            RuntimeException ex) {
        String location = definition.method().describe();
        support.problem("gate-check:" + location, "Access check for " + location
                + " failed; deciding by the no-answer policy " + policy, ex);
        return noAnswer(definition, customerId, policy, AccessReason.BACKEND_UNAVAILABLE);
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
