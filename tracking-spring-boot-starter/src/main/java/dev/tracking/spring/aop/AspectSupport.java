package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.spring.expression.ExpressionFailure;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import dev.tracking.spring.identity.IdentityResolver;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.LoggerFactory;
import org.springframework.aop.SpringProxy;
import org.springframework.aop.TargetClassAware;
import org.springframework.aop.framework.AopProxyUtils;

/**
 * What the three aspects share: the tracker, the identity resolver, the parsed annotations, expression
 * evaluation, and the rule that a recording problem is counted and logged but never reaches the business method.
 */
public class AspectSupport {

    private final Supplier<Tracker> tracker;
    private final Supplier<IdentityResolver> identityResolver;
    private final TrackingAnnotations annotations;
    private final TrackingExpressionEvaluator evaluator;
    private final Supplier<List<TrackingAspectListener>> listeners;
    private final EventPropertyValues propertyValues;
    private final OnceLogger problems = new OnceLogger(LoggerFactory.getLogger(AspectSupport.class));
    private volatile Optional<IdentityResolver> resolver;

    /**
     * @param tracker supplies the tracker when first needed
     * @param identityResolver supplies the application's resolver, or {@code null} when it has none; asked once,
     *     when an identity is first needed
     * @param listeners supplies the listeners when first needed
     */
    public AspectSupport(Supplier<Tracker> tracker, Supplier<IdentityResolver> identityResolver,
            TrackingAnnotations annotations, TrackingExpressionEvaluator evaluator,
            Supplier<List<TrackingAspectListener>> listeners) {
        this(tracker, identityResolver, annotations, evaluator, listeners, new EventPropertyValues(null));
    }

    /**
     * @param propertyValues converts what property expressions yield (objects through the application's Jackson
     *     mapper)
     */
    public AspectSupport(Supplier<Tracker> tracker, Supplier<IdentityResolver> identityResolver,
            TrackingAnnotations annotations, TrackingExpressionEvaluator evaluator,
            Supplier<List<TrackingAspectListener>> listeners, EventPropertyValues propertyValues) {
        this.propertyValues = propertyValues;
        this.tracker = tracker;
        this.identityResolver = identityResolver;
        this.annotations = annotations;
        this.evaluator = evaluator;
        this.listeners = listeners;
    }

    /** The class of the intercepted call's target (not a proxy class), found without allocating. */
    static Class<?> targetClass(MethodInvocation invocation) {
        Object target = invocation.getThis();
        if (target == null) {
            return invocation.getMethod().getDeclaringClass();
        }
        return target instanceof TargetClassAware || target instanceof SpringProxy
                ? AopProxyUtils.ultimateTargetClass(target) : target.getClass();
    }

    TrackingAnnotations annotations() {
        return annotations;
    }

    TrackingExpressionEvaluator evaluator() {
        return evaluator;
    }

    EventPropertyValues propertyValues() {
        return propertyValues;
    }

    Tracker tracker() {
        return tracker.get();
    }

    /** The resolver's identity for the current call, empty when there is no resolver or it fails. */
    Identity resolvedIdentity(AnnotatedMethod method) {
        IdentityResolver resolver = identityResolver();
        if (resolver == null) {
            return Identity.empty();
        }
        try {
            Identity identity = resolver.resolve();
            return identity == null ? Identity.empty() : identity;
        }
        catch (RuntimeException ex) {
            problems.log("resolver:" + method.describe(), "IdentityResolver failed for " + method.describe(), ex);
            return Identity.empty();
        }
    }

    /** Counts and logs what a recording threw, by the reason it stands for; never rethrows. */
    void recordFailed(Class<? extends Annotation> annotation, AnnotatedMethod method, RuntimeException ex) {
        String reason = ex instanceof ExpressionFailure ? "expression_error"
                : ex instanceof EventPropertyValues.Unconvertible ? "invalid_property"
                : ex instanceof IllegalArgumentException ? "invalid_event"
                : ex instanceof IllegalStateException ? "tracker_closed"
                : "record_failed";
        skipped(annotation, method.describe(), reason, ex.getMessage());
    }

    void skipped(Class<? extends Annotation> annotation, String location, String reason, String cause) {
        String name = annotation.getSimpleName();
        problems.log(name + ":" + reason + ":" + location, "@" + name + " on " + location
                + " did not record (" + reason + "): " + cause, null);
        List<TrackingAspectListener> all = listeners.get();
        for (int i = 0; i < all.size(); i++) {
            try {
                all.get(i).onSkipped(annotation, reason);
            }
            catch (RuntimeException ex) {
                listenerFailed(all.get(i), ex);
            }
        }
    }

    void accessChecked(AccessDecision decision) {
        List<TrackingAspectListener> all = listeners.get();
        for (int i = 0; i < all.size(); i++) {
            try {
                all.get(i).onAccessChecked(decision);
            }
            catch (RuntimeException ex) {
                listenerFailed(all.get(i), ex);
            }
        }
    }

    void problem(String key, String message, Throwable cause) {
        problems.log(key, message, cause);
    }

    private IdentityResolver identityResolver() {
        Optional<IdentityResolver> found = resolver;
        if (found == null) {
            found = Optional.ofNullable(identityResolver.get());
            resolver = found;
        }
        return found.orElse(null);
    }

    private void listenerFailed(TrackingAspectListener listener, RuntimeException ex) {
        problems.log("listener:" + listener.getClass().getName(), "TrackingAspectListener "
                + listener.getClass().getName() + " failed", ex);
    }
}
