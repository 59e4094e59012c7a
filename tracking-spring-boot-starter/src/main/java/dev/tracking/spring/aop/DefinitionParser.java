package dev.tracking.spring.aop;

import static dev.tracking.spring.expression.TrackingExpressionEvaluator.EXCEPTION;
import static dev.tracking.spring.expression.TrackingExpressionEvaluator.RESULT;

import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.expression.InvalidExpressionException;
import dev.tracking.spring.expression.MethodExpression;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Turns one method's tracking annotation into its definition, parsing every expression and checking that the
 * method can get an identity; anything wrong throws {@link InvalidTrackingAnnotationException}.
 */
final class DefinitionParser {

    private final TrackingExpressionEvaluator evaluator;
    private final Method method;
    private final Class<?> targetClass;
    private final boolean identityResolverAvailable;

    DefinitionParser(TrackingExpressionEvaluator evaluator, Method method, Class<?> targetClass,
            boolean identityResolverAvailable) {
        this.evaluator = evaluator;
        this.method = method;
        this.targetClass = targetClass;
        this.identityResolverAvailable = identityResolverAvailable;
    }

    TrackEventDefinition trackEvent(TrackEvent annotation) {
        refuseReactive("TrackEvent");
        Set<String> variables = switch (annotation.when()) {
            case SUCCESS -> Set.of(RESULT);
            case FAILURE -> Set.of(EXCEPTION);
            case ALWAYS -> Set.of(RESULT, EXCEPTION);
        };
        String name = annotation.value().isBlank() ? snakeCase(method.getName()) : annotation.value();
        IdentityExpressions identity = new IdentityExpressions(
                optional("TrackEvent", "customerId", annotation.customerId(), variables),
                optional("TrackEvent", "userId", annotation.userId(), variables),
                optional("TrackEvent", "email", annotation.email(), variables),
                optional("TrackEvent", "fingerprint", annotation.fingerprint(), variables));
        if (identity.isEmpty()) {
            requireResolver("TrackEvent", "customerId, userId, email or fingerprint");
        }
        return new TrackEventDefinition(site(), name, identity,
                properties("TrackEvent", annotation.properties(), annotation.property(), variables),
                optional("TrackEvent", "condition", annotation.condition(), variables), annotation.when());
    }

    GateDefinition gate(GateOnFeature annotation) {
        String feature = annotation.feature().isBlank() ? annotation.value() : annotation.feature();
        if (!annotation.feature().isBlank() && !annotation.value().isBlank()
                && !annotation.feature().equals(annotation.value())) {
            throw invalid("GateOnFeature", "value", "value and feature name different features ('"
                    + annotation.value() + "', '" + annotation.feature() + "'): set one of them", null);
        }
        boolean hasFeature = !feature.isBlank();
        boolean hasEvent = !annotation.event().isBlank();
        if (hasFeature == hasEvent) {
            throw invalid("GateOnFeature", "feature", hasFeature ? "set either a feature or an event, not both"
                    : "name the feature (value or feature) or the metered event (event) to check", null);
        }
        MethodExpression customerId = optional("GateOnFeature", "customerId", annotation.customerId(), Set.of());
        if (customerId == null) {
            requireResolver("GateOnFeature", "customerId");
        }
        if (annotation.quantity() < 1 || hasFeature && annotation.quantity() != 1) {
            throw invalid("GateOnFeature", "quantity", hasFeature ? "quantity applies only to a metered event"
                    : "quantity must be at least 1, was " + annotation.quantity(), null);
        }
        refuseReactive("GateOnFeature");
        Class<?> returnType = method.getReturnType();
        boolean returnsFuture = returnType != Object.class && returnType.isAssignableFrom(CompletableFuture.class);
        return new GateDefinition(site(), hasFeature ? feature : null, hasEvent ? annotation.event() : null,
                customerId, annotation.onNoAnswer(), returnsFuture, annotation.quantity());
    }

    BillingStageDefinition billingStage(BillingStage annotation) {
        refuseReactive("BillingStage");
        Set<String> variables = Set.of(RESULT);
        MethodExpression customerId = optional("BillingStage", "customerId", annotation.customerId(), variables);
        if (customerId == null) {
            requireResolver("BillingStage", "customerId");
        }
        return new BillingStageDefinition(site(), annotation.value(), customerId,
                properties("BillingStage", annotation.properties(), annotation.property(), variables));
    }

    /**
     * Refuses a method returning a Reactive Streams {@code Publisher} (Reactor's {@code Mono} and {@code Flux}):
     * the aspects would gate and record when the publisher is created, not when it runs, and could not see its
     * outcome.
     */
    private void refuseReactive(String annotation) {
        if (isPublisher(method.getReturnType())) {
            throw invalid(annotation, null, "the method returns a reactive " + method.getReturnType().getSimpleName()
                    + ", which the tracking annotations do not support yet: return a value or a CompletionStage", null);
        }
    }

    private static boolean isPublisher(Class<?> type) {
        if (type == null || type == Object.class) {
            return false;
        }
        if (type.getName().equals("org.reactivestreams.Publisher")) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (isPublisher(implemented)) {
                return true;
            }
        }
        return isPublisher(type.getSuperclass());
    }

    private AnnotatedMethod site() {
        return new AnnotatedMethod(evaluator.variables(method), targetClass);
    }

    private PropertyExpressions properties(String annotation, String map, EventProperty[] named, Set<String> variables) {
        Map<String, MethodExpression> expressions = new LinkedHashMap<>();
        for (EventProperty property : named) {
            String attribute = "property[" + property.name() + "]";
            if (property.name().isBlank()) {
                throw invalid(annotation, "property", "a property has a blank name", null);
            }
            if (expressions.put(property.name(), parse(annotation, attribute, property.value(), variables)) != null) {
                throw invalid(annotation, attribute, "the property is named twice", null);
            }
        }
        return new PropertyExpressions(optional(annotation, "properties", map, variables),
                expressions.keySet().toArray(String[]::new), expressions.values().toArray(MethodExpression[]::new));
    }

    private MethodExpression optional(String annotation, String attribute, String text, Set<String> variables) {
        return text.isBlank() ? null : parse(annotation, attribute, text, variables);
    }

    private MethodExpression parse(String annotation, String attribute, String text, Set<String> variables) {
        if (text.isBlank()) {
            throw invalid(annotation, attribute, "the expression is blank", null);
        }
        try {
            return evaluator.parse(method, targetClass, text, variables);
        }
        catch (InvalidExpressionException ex) {
            throw invalid(annotation, attribute, ex.getMessage(), ex);
        }
    }

    private void requireResolver(String annotation, String attributes) {
        if (!identityResolverAvailable) {
            throw invalid(annotation, null, "no identity: set " + attributes
                    + " on the annotation, or define an IdentityResolver bean", null);
        }
    }

    private InvalidTrackingAnnotationException invalid(String annotation, String attribute, String problem,
            Throwable cause) {
        return new InvalidTrackingAnnotationException(method, annotation, attribute, problem, cause);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
