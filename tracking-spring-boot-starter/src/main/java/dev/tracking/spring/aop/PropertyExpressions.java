package dev.tracking.spring.aop;

import dev.tracking.spring.expression.ExpressionFailure;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * The parsed property attributes of an annotation: a map expression (or {@code null}) and named expressions,
 * the named ones winning over map entries of the same name.
 */
record PropertyExpressions(Expression map, Map<String, Expression> named) {

    Map<String, Object> evaluate(TrackingExpressionEvaluator evaluator, EvaluationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (map != null) {
            Map<?, ?> values = evaluator.evaluate(map, context, Map.class);
            values.forEach((key, value) -> {
                if (key == null) {
                    throw new ExpressionFailure("'" + map.getExpressionString() + "' yielded a null key", null);
                }
                properties.put(key.toString(), value);
            });
        }
        named.forEach((name, expression) -> properties.put(name, evaluator.evaluate(expression, context, Object.class)));
        return properties;
    }
}
