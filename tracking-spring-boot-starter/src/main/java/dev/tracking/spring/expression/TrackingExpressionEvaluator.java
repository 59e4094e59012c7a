package dev.tracking.spring.expression;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.expression.AnnotatedElementKey;
import org.springframework.context.expression.CachedExpressionEvaluator;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * Parses the SpEL attributes of the tracking annotations once per method and expression, and evaluates them
 * with the method's parameters by name, {@code #result} and {@code #exception} as variables. Expressions come
 * only from annotations in the application's code, never from request data.
 */
public class TrackingExpressionEvaluator extends CachedExpressionEvaluator {

    /** The variable holding the method's return value (or what its {@code CompletionStage} completed with). */
    public static final String RESULT = "result";

    /** The variable holding what the method threw. */
    public static final String EXCEPTION = "exception";

    private static final Set<String> BUILT_IN = Set.of("root", "this");

    private final Map<ExpressionKey, Expression> cache = new ConcurrentHashMap<>(64);
    private final BeanResolver beanResolver;

    /** An evaluator whose expressions may refer to beans as {@code @name} when {@code beanResolver} is set. */
    public TrackingExpressionEvaluator(BeanResolver beanResolver) {
        this.beanResolver = beanResolver;
    }

    /**
     * Parses {@code text}, checking that every {@code #variable} it uses is a parameter of {@code method}
     * (also {@code #a0}/{@code #p0} style) or one of {@code extraVariables}.
     *
     * @throws InvalidExpressionException when the text does not parse or names an unknown variable
     */
    public Expression parse(Method method, Class<?> targetClass, String text, Set<String> extraVariables) {
        Expression expression;
        try {
            expression = getExpression(cache, new AnnotatedElementKey(method, targetClass), text);
        }
        catch (ParseException ex) {
            throw new InvalidExpressionException("'" + text + "' does not parse: " + ex.getSimpleMessage(), ex);
        }
        Set<String> known = knownVariables(method, extraVariables);
        if (expression instanceof SpelExpression spel) {
            checkVariables(spel.getAST(), text, known);
        }
        return expression;
    }

    /** A context for one call, with parameters, {@code #result} and {@code #exception} as variables. */
    public EvaluationContext createContext(ExpressionRoot root, Object result, Throwable exception) {
        MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(root, root.method(), root.args(),
                getParameterNameDiscoverer());
        context.setVariable(RESULT, result);
        context.setVariable(EXCEPTION, exception);
        if (beanResolver != null) {
            context.setBeanResolver(beanResolver);
        }
        return context;
    }

    /**
     * The expression's value as {@code type}.
     *
     * @throws ExpressionFailure when the expression throws, yields {@code null} or yields another type
     */
    public <T> T evaluate(Expression expression, EvaluationContext context, Class<T> type) {
        Object value;
        try {
            value = expression.getValue(context);
        }
        catch (RuntimeException ex) {
            throw new ExpressionFailure("'" + expression.getExpressionString() + "' failed: " + ex.getMessage(), ex);
        }
        if (value == null) {
            throw new ExpressionFailure("'" + expression.getExpressionString() + "' yielded null", null);
        }
        if (!type.isInstance(value)) {
            throw new ExpressionFailure("'" + expression.getExpressionString() + "' yielded a "
                    + value.getClass().getName() + ", not a " + type.getSimpleName(), null);
        }
        return type.cast(value);
    }

    private Set<String> knownVariables(Method method, Set<String> extraVariables) {
        Set<String> known = new HashSet<>(BUILT_IN);
        known.addAll(extraVariables);
        String[] names = getParameterNameDiscoverer().getParameterNames(method);
        for (int i = 0; i < method.getParameterCount(); i++) {
            known.add("a" + i);
            known.add("p" + i);
            if (names != null) {
                known.add(names[i]);
            }
        }
        return known;
    }

    private static void checkVariables(SpelNode node, String text, Set<String> known) {
        if (node instanceof VariableReference) {
            String name = node.toStringAST().substring(1);
            if (!known.contains(name)) {
                throw new InvalidExpressionException("'" + text + "' uses #" + name
                        + ", which is not available here (available: " + new java.util.TreeSet<>(known) + ")", null);
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            checkVariables(node.getChild(i), text, known);
        }
    }
}
