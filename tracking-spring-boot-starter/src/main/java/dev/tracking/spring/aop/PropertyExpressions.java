package dev.tracking.spring.aop;

import dev.tracking.spring.expression.CallEvaluationContext;
import dev.tracking.spring.expression.ExpressionFailure;
import dev.tracking.spring.expression.MethodExpression;
import dev.tracking.spring.expression.TrackingExpressionEvaluator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The parsed property attributes of an annotation: a map expression (or {@code null}) and named expressions in
 * the order the annotation lists them, the named ones winning over map entries of the same name.
 *
 * @param map the map expression, or {@code null}
 * @param names the names of the named expressions
 * @param values the named expressions, at the same positions as their names
 */
record PropertyExpressions(MethodExpression map, String[] names, MethodExpression[] values) {

    /**
     * Evaluates every expression and hands each property, converted by {@code values}, to {@code sink}, map
     * entries first; a property whose value is {@code null} (or an empty {@code Optional}) is left out.
     */
    void evaluate(TrackingExpressionEvaluator evaluator, CallEvaluationContext context, EventPropertyValues converter,
            BiConsumer<String, Object> sink) {
        if (map != null) {
            Map<?, ?> entries = evaluator.evaluate(map, context, Map.class);
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (entry.getKey() == null) {
                    throw new ExpressionFailure("'" + map.text() + "' yielded a null key", null);
                }
                String name = entry.getKey().toString();
                accept(sink, name, converter.convert(name, entry.getValue()));
            }
        }
        for (int i = 0; i < names.length; i++) {
            accept(sink, names[i], converter.convert(names[i], evaluator.evaluateOrNull(values[i], context)));
        }
    }

    private static void accept(BiConsumer<String, Object> sink, String name, Object value) {
        if (value != null) {
            sink.accept(name, value);
        }
    }
}
