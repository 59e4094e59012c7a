package dev.tracking.spring.aop;

import dev.tracking.spring.expression.CallEvaluationContext;
import dev.tracking.spring.expression.MethodVariables;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.lang.reflect.Method;

/**
 * An annotated method as the target class declares it, with its expression variables.
 *
 * @param variables the method and its parameters as expression variables
 * @param targetClass the target's class (not a proxy class)
 */
record AnnotatedMethod(MethodVariables variables, Class<?> targetClass) {

    Method method() {
        return variables.method();
    }

    /** The context of one call's expressions. */
    CallEvaluationContext context(TrackingExpressionEvaluator evaluator, Object target, Object[] args, Object result,
            Throwable exception) {
        return evaluator.createContext(variables, target, targetClass, args, result, exception);
    }

    String describe() {
        return targetClass.getName() + "." + method().getName() + "(..)";
    }
}
