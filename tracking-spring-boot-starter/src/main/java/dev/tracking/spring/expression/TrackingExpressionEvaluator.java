package dev.tracking.spring.expression;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.expression.spel.support.StandardTypeLocator;
import org.springframework.util.ClassUtils;

/**
 * Parses the SpEL attributes of the tracking annotations once per method and expression, and evaluates them
 * with the method's parameters by name, {@code #result} and {@code #exception} as variables. Expressions come
 * only from annotations in the application's code, never from request data. SpEL runs in the compiler's mixed
 * mode: compiled after warm-up, interpreted again whenever the compiled form fails.
 */
public class TrackingExpressionEvaluator {

    /** The variable holding the method's return value (or what its {@code CompletionStage} completed with). */
    public static final String RESULT = "result";

    /** The variable holding what the method threw. */
    public static final String EXCEPTION = "exception";

    private static final Set<String> BUILT_IN = Set.of("root", "this");

    private final SpelExpressionParser parser;
    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final StandardEvaluationContext shared = new StandardEvaluationContext();
    private final Map<ExpressionKey, MethodExpression> expressions = new ConcurrentHashMap<>(64);
    private final Map<Method, MethodVariables> variables = new ConcurrentHashMap<>(64);

    /** An evaluator whose expressions may refer to beans as {@code @name} when {@code beanResolver} is set. */
    public TrackingExpressionEvaluator(BeanResolver beanResolver) {
        this(beanResolver, ClassUtils.getDefaultClassLoader());
    }

    /**
     * An evaluator whose expressions may refer to beans as {@code @name} when {@code beanResolver} is set, and
     * find types ({@code T(...)}) and compile through {@code classLoader} (the default one when {@code null}).
     */
    public TrackingExpressionEvaluator(BeanResolver beanResolver, ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : ClassUtils.getDefaultClassLoader();
        parser = new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED, loader));
        shared.setTypeLocator(new StandardTypeLocator(loader));
        if (beanResolver != null) {
            shared.setBeanResolver(beanResolver);
        }
        shared.getPropertyAccessors();
        shared.getIndexAccessors();
        shared.getConstructorResolvers();
        shared.getMethodResolvers();
        shared.getTypeConverter();
    }

    /**
     * Parses {@code text}, checking that every {@code #variable} it uses is a parameter of {@code method}
     * (also {@code #a0}/{@code #p0} style) or one of {@code extraVariables}.
     *
     * @throws InvalidExpressionException when the text does not parse or names an unknown variable
     */
    public MethodExpression parse(Method method, Class<?> targetClass, String text, Set<String> extraVariables) {
        MethodVariables known = variables(method);
        MethodExpression expression;
        try {
            expression = expressions.computeIfAbsent(new ExpressionKey(method, targetClass, text),
                    key -> MethodExpression.of(parser.parseExpression(text), known));
        }
        catch (ParseException ex) {
            throw new InvalidExpressionException("'" + text + "' does not parse: " + ex.getSimpleMessage(), ex);
        }
        if (expression.spel() instanceof SpelExpression spel) {
            Set<String> names = new HashSet<>(BUILT_IN);
            names.addAll(extraVariables);
            names.addAll(known.names());
            checkVariables(spel.getAST(), text, names);
        }
        return expression;
    }

    /** The variables of {@code method}'s expressions, found once per method. */
    public MethodVariables variables(Method method) {
        return variables.computeIfAbsent(method, key -> new MethodVariables(key, parameterNames.getParameterNames(key)));
    }

    /** A context for one call, with parameters, {@code #result} and {@code #exception} as variables. */
    public CallEvaluationContext createContext(MethodVariables method, Object target, Class<?> targetClass,
            Object[] args, Object result, Throwable exception) {
        return new CallEvaluationContext(shared, method, target, targetClass, args, result, exception);
    }

    /**
     * The expression's value, {@code null} included.
     *
     * @throws ExpressionFailure when the expression throws
     */
    public Object evaluateOrNull(MethodExpression expression, CallEvaluationContext context) {
        try {
            return expression.value(context);
        }
        catch (RuntimeException ex) {
            throw new ExpressionFailure("'" + expression.text() + "' failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * The expression's value as {@code type}.
     *
     * @throws ExpressionFailure when the expression throws, yields {@code null} or yields another type
     */
    public <T> T evaluate(MethodExpression expression, CallEvaluationContext context, Class<T> type) {
        Object value;
        try {
            value = expression.value(context);
        }
        catch (RuntimeException ex) {
            throw new ExpressionFailure("'" + expression.text() + "' failed: " + ex.getMessage(), ex);
        }
        if (value == null) {
            throw new ExpressionFailure("'" + expression.text() + "' yielded null", null);
        }
        if (!type.isInstance(value)) {
            throw new ExpressionFailure("'" + expression.text() + "' yielded a "
                    + value.getClass().getName() + ", not a " + type.getSimpleName(), null);
        }
        return type.cast(value);
    }

    private static void checkVariables(SpelNode node, String text, Set<String> known) {
        if (node instanceof VariableReference) {
            String name = node.toStringAST().substring(1);
            if (!known.contains(name)) {
                throw new InvalidExpressionException("'" + text + "' uses #" + name
                        + ", which is not available here (available: " + new TreeSet<>(known) + ")", null);
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            checkVariables(node.getChild(i), text, known);
        }
    }

    private record ExpressionKey(Method method, Class<?> targetClass, String text) {
    }
}
