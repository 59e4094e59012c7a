package dev.tracking.spring.aop;

import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the tracking annotations that apply to a method (on the method, else on its class for public methods)
 * and keeps their parsed definitions, so that each expression is parsed once. {@link #verify(Class)} parses
 * every annotated method of a class up front, which is how a bad annotation fails startup.
 */
public class TrackingAnnotations {

    private static final List<Class<? extends Annotation>> TYPES = List.of(TrackEvent.class, GateOnFeature.class,
            BillingStage.class);

    private final TrackingExpressionEvaluator evaluator;
    private final BooleanSupplier identityResolverAvailable;
    private final Map<MethodClassKey, Optional<TrackEventDefinition>> trackEvents = new ConcurrentHashMap<>();
    private final Map<MethodClassKey, Optional<GateDefinition>> gates = new ConcurrentHashMap<>();
    private final Map<MethodClassKey, Optional<BillingStageDefinition>> billingStages = new ConcurrentHashMap<>();

    /**
     * @param identityResolverAvailable whether the application has an {@code IdentityResolver}, so that an
     *     annotation without identity attributes is valid
     */
    public TrackingAnnotations(TrackingExpressionEvaluator evaluator, BooleanSupplier identityResolverAvailable) {
        this.evaluator = evaluator;
        this.identityResolverAvailable = identityResolverAvailable;
    }

    /**
     * Parses the annotations of every method of {@code type} that has one.
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
                trackEvent(method, type);
                gate(method, type);
                billingStage(method, type);
            }
        }, ReflectionUtils.USER_DECLARED_METHODS);
    }

    TrackEventDefinition trackEvent(Method method, Class<?> targetClass) {
        return lookup(trackEvents, TrackEvent.class, method, targetClass, DefinitionParser::trackEvent);
    }

    GateDefinition gate(Method method, Class<?> targetClass) {
        return lookup(gates, GateOnFeature.class, method, targetClass, DefinitionParser::gate);
    }

    BillingStageDefinition billingStage(Method method, Class<?> targetClass) {
        return lookup(billingStages, BillingStage.class, method, targetClass, DefinitionParser::billingStage);
    }

    private <A extends Annotation, D> D lookup(Map<MethodClassKey, Optional<D>> cache, Class<A> type, Method method,
            Class<?> targetClass, BiFunction<DefinitionParser, A, D> factory) {
        MethodClassKey key = new MethodClassKey(method, targetClass);
        Optional<D> cached = cache.get(key);
        if (cached == null) {
            Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
            A annotation = find(specific, type);
            cached = annotation == null ? Optional.empty() : Optional.of(factory.apply(
                    new DefinitionParser(evaluator, specific, targetClass, identityResolverAvailable.getAsBoolean()),
                    annotation));
            cache.put(key, cached);
        }
        return cached.orElse(null);
    }

    private static <A extends Annotation> A find(Method method, Class<A> type) {
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
