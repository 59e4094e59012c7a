package dev.tracking.spring.aop;

import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.spring.expression.ExpressionFailure;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import dev.tracking.spring.identity.IdentityResolver;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.expression.EvaluationContext;

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
    private final OnceLogger problems = new OnceLogger(LoggerFactory.getLogger(AspectSupport.class));

    /**
     * @param tracker supplies the tracker when first needed
     * @param identityResolver supplies the application's resolver, or {@code null} when it has none
     * @param listeners supplies the listeners when first needed
     */
    public AspectSupport(Supplier<Tracker> tracker, Supplier<IdentityResolver> identityResolver,
            TrackingAnnotations annotations, TrackingExpressionEvaluator evaluator,
            Supplier<List<TrackingAspectListener>> listeners) {
        this.tracker = tracker;
        this.identityResolver = identityResolver;
        this.annotations = annotations;
        this.evaluator = evaluator;
        this.listeners = listeners;
    }

    TrackingAnnotations annotations() {
        return annotations;
    }

    TrackingExpressionEvaluator evaluator() {
        return evaluator;
    }

    Tracker tracker() {
        return tracker.get();
    }

    EvaluationContext context(Invocation invocation, Object result, Throwable exception) {
        return evaluator.createContext(invocation.root(), result, exception);
    }

    /** The resolver's identity for the current call, empty when there is no resolver or it fails. */
    Identity resolvedIdentity(Invocation invocation) {
        IdentityResolver resolver = identityResolver.get();
        if (resolver == null) {
            return Identity.empty();
        }
        try {
            Identity identity = resolver.resolve();
            return identity == null ? Identity.empty() : identity;
        }
        catch (RuntimeException ex) {
            problems.log("resolver:" + invocation.describe(), "IdentityResolver failed for " + invocation.describe(), ex);
            return Identity.empty();
        }
    }

    /** Runs {@code recording}; whatever it throws is counted and logged, never rethrown. */
    void record(Class<? extends Annotation> annotation, Invocation invocation, Runnable recording) {
        try {
            recording.run();
        }
        catch (ExpressionFailure ex) {
            skipped(annotation, invocation, "expression_error", ex);
        }
        catch (NoIdentityException ex) {
            skipped(annotation, invocation, "no_identity", ex);
        }
        catch (IllegalArgumentException ex) {
            skipped(annotation, invocation, "invalid_event", ex);
        }
        catch (IllegalStateException ex) {
            skipped(annotation, invocation, "tracker_closed", ex);
        }
        catch (RuntimeException ex) {
            skipped(annotation, invocation, "record_failed", ex);
        }
    }

    void skipped(Class<? extends Annotation> annotation, Invocation invocation, String reason, Throwable cause) {
        String name = annotation.getSimpleName();
        problems.log(name + ":" + reason + ":" + invocation.describe(), "@" + name + " on " + invocation.describe()
                + " did not record (" + reason + "): " + cause.getMessage(), null);
        notifyListeners(listener -> listener.onSkipped(annotation, reason));
    }

    void accessChecked(AccessDecision decision) {
        notifyListeners(listener -> listener.onAccessChecked(decision));
    }

    void problem(String key, String message, Throwable cause) {
        problems.log(key, message, cause);
    }

    private void notifyListeners(java.util.function.Consumer<TrackingAspectListener> call) {
        for (TrackingAspectListener listener : listeners.get()) {
            try {
                call.accept(listener);
            }
            catch (RuntimeException ex) {
                problems.log("listener:" + listener.getClass().getName(), "TrackingAspectListener "
                        + listener.getClass().getName() + " failed", ex);
            }
        }
    }

    /** The call has no identity: its attributes and the resolver gave none. */
    static final class NoIdentityException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NoIdentityException(String message) {
            super(message, null, false, false);
        }
    }
}
