package dev.tracking.spring.expression;

import static dev.tracking.spring.expression.TrackingExpressionEvaluator.EXCEPTION;
import static dev.tracking.spring.expression.TrackingExpressionEvaluator.RESULT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;

/**
 * The evaluation context of one intercepted call, cheap to create: variables are read straight from the call's
 * arguments by their pre-computed positions, the root object ({@link ExpressionRoot}) is built only when an
 * expression asks for it, and accessors, resolvers and type handling come from a context shared by all calls.
 * {@code #result} and {@code #exception} are the call's outcome when it has one, otherwise the parameter of that
 * name, if any. Used by one thread at a time.
 */
public final class CallEvaluationContext implements EvaluationContext {

    private final EvaluationContext shared;
    private final MethodVariables variables;
    private final Object target;
    private final Class<?> targetClass;
    private final Object[] args;
    private final Object result;
    private final Throwable exception;
    private TypedValue root;
    private Map<String, Object> assigned;

    CallEvaluationContext(EvaluationContext shared, MethodVariables variables, Object target, Class<?> targetClass,
            Object[] args, Object result, Throwable exception) {
        this.shared = shared;
        this.variables = variables;
        this.target = target;
        this.targetClass = targetClass;
        this.args = args;
        this.result = result;
        this.exception = exception;
    }

    /** The variable {@code name}, whose parameter position (or -1) is already known. */
    Object variable(String name, int position) {
        if (assigned != null && assigned.containsKey(name)) {
            return assigned.get(name);
        }
        if (result != null && RESULT.equals(name)) {
            return result;
        }
        if (exception != null && EXCEPTION.equals(name)) {
            return exception;
        }
        return position >= 0 ? args[position] : null;
    }

    @Override
    public Object lookupVariable(String name) {
        return variable(name, variables.position(name));
    }

    @Override
    public void setVariable(String name, Object value) {
        if (assigned == null) {
            assigned = new HashMap<>();
        }
        assigned.put(name, value);
    }

    @Override
    public TypedValue getRootObject() {
        if (root == null) {
            root = new TypedValue(new ExpressionRoot(variables.method(), args, target, targetClass));
        }
        return root;
    }

    @Override
    public List<PropertyAccessor> getPropertyAccessors() {
        return shared.getPropertyAccessors();
    }

    @Override
    public List<IndexAccessor> getIndexAccessors() {
        return shared.getIndexAccessors();
    }

    @Override
    public List<ConstructorResolver> getConstructorResolvers() {
        return shared.getConstructorResolvers();
    }

    @Override
    public List<MethodResolver> getMethodResolvers() {
        return shared.getMethodResolvers();
    }

    @Override
    public BeanResolver getBeanResolver() {
        return shared.getBeanResolver();
    }

    @Override
    public TypeLocator getTypeLocator() {
        return shared.getTypeLocator();
    }

    @Override
    public TypeConverter getTypeConverter() {
        return shared.getTypeConverter();
    }

    @Override
    public TypeComparator getTypeComparator() {
        return shared.getTypeComparator();
    }

    @Override
    public OperatorOverloader getOperatorOverloader() {
        return shared.getOperatorOverloader();
    }
}
