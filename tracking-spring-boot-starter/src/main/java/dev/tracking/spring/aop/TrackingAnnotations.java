package dev.tracking.spring.aop;

import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the tracking annotations that apply to a method (on the method, else on its class for public methods)
 * and keeps their parsed definitions per invoked method and target class, so that each expression is parsed
 * once and a call looks up nothing but its definition. {@link #verify(Class)} parses every annotated method of a
 * class up front, which is how a bad annotation fails startup.
 */
public class TrackingAnnotations {

    private static final List<Class<? extends Annotation>> TYPES = List.of(TrackEvent.class, GateOnFeature.class,
            BillingStage.class);

    private final TrackingExpressionEvaluator evaluator;
    private final BooleanSupplier identityResolverAvailable;
    private final DefinitionCache<TrackEventDefinition> trackEvents = new DefinitionCache<>(
            (method, targetClass) -> parse(TrackEvent.class, method, targetClass, DefinitionParser::trackEvent));
    private final DefinitionCache<GateDefinition> gates = new DefinitionCache<>(
            (method, targetClass) -> parse(GateOnFeature.class, method, targetClass, DefinitionParser::gate));
    private final DefinitionCache<BillingStageDefinition> billingStages = new DefinitionCache<>(
            (method, targetClass) -> parse(BillingStage.class, method, targetClass, DefinitionParser::billingStage));

    /**
     * @param identityResolverAvailable whether the application has an {@code IdentityResolver}, so that an
     *     annotation without identity attributes is valid
     */
    public TrackingAnnotations(TrackingExpressionEvaluator evaluator, BooleanSupplier identityResolverAvailable) {
        this.evaluator = evaluator;
        this.identityResolverAvailable = identityResolverAvailable;
    }

    /**
     * Parses the annotations of every method of {@code type} that has one. The definitions are not kept: calls
     * come through the proxy's own {@code Method} objects, which are kept at the first call (the expressions,
     * parsed here, are cached by the evaluator).
     *
     * @throws InvalidTrackingAnnotationException naming the first method whose annotation cannot work
     */
    public void verify(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, TYPES) || type.getName().startsWith("org.springframework.")) {
            return;
        }
        ReflectionUtils.doWithMethods(type, method -> {
            Method specific = AopUtils.getMostSpecificMethod(method, type);
            if (TYPES.stream().anyMatch(annotation -> find(specific, annotation) != null)) {
                parse(TrackEvent.class, method, type, DefinitionParser::trackEvent);
                parse(GateOnFeature.class, method, type, DefinitionParser::gate);
                parse(BillingStage.class, method, type, DefinitionParser::billingStage);
            }
        }, ReflectionUtils.USER_DECLARED_METHODS);
    }

    /**
     * The methods of {@code type} (its own and inherited ones, not those of {@code Object}) that a tracking
     * annotation applies to, each with the annotation types that apply, in declaration order.
     */
    static Map<Method, List<Class<? extends Annotation>>> annotatedMethods(Class<?> type) {
        Map<Method, List<Class<? extends Annotation>>> found = new LinkedHashMap<>();
        if (!AnnotationUtils.isCandidateClass(type, TYPES) || type.getName().startsWith("org.springframework.")) {
            return found;
        }
        ReflectionUtils.doWithMethods(type, method -> {
            Method specific = AopUtils.getMostSpecificMethod(method, type);
            List<Class<? extends Annotation>> types = TYPES.stream()
                    .filter(annotation -> find(specific, annotation) != null).toList();
            if (!types.isEmpty() && !method.isBridge() && !method.isSynthetic()) {
                found.putIfAbsent(specific, types);
            }
        }, ReflectionUtils.USER_DECLARED_METHODS);
        return found;
    }

    /** The definition for a call of {@code method} on a {@code targetClass} instance, or {@code null}. */
    TrackEventDefinition trackEvent(Method method, Class<?> targetClass) {
        return trackEvents.get(method, targetClass);
    }

    /** The definition for a call of {@code method} on a {@code targetClass} instance, or {@code null}. */
    GateDefinition gate(Method method, Class<?> targetClass) {
        return gates.get(method, targetClass);
    }

    /** The definition for a call of {@code method} on a {@code targetClass} instance, or {@code null}. */
    BillingStageDefinition billingStage(Method method, Class<?> targetClass) {
        return billingStages.get(method, targetClass);
    }

    private <A extends Annotation, D> D parse(Class<A> type, Method method, Class<?> targetClass,
            BiFunction<DefinitionParser, A, D> factory) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        A annotation = find(specific, type);
        return annotation == null ? null : factory.apply(
                new DefinitionParser(evaluator, specific, targetClass, identityResolverAvailable.getAsBoolean()),
                annotation);
    }

    /** The annotation of {@code type} on {@code method}, else on its class for a public method, or {@code null}. */
    static <A extends Annotation> A find(Method method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method, type);
        if (onMethod != null) {
            return onMethod;
        }
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                || ReflectionUtils.isObjectMethod(method) || ReflectionUtils.isEqualsMethod(method)
                || ReflectionUtils.isHashCodeMethod(method) || ReflectionUtils.isToStringMethod(method)) {
            return null;
        }
        return AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), type);
    }
}
