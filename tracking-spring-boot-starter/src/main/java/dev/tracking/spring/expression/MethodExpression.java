package dev.tracking.spring.expression;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * An annotation attribute's expression, parsed for one method. A plain variable reference ({@code #customerId},
 * {@code #a0}, {@code #result}) is read straight from the call; anything else is evaluated as SpEL, which compiles
 * it once it has run often enough and interprets it again whenever the compiled form fails.
 */
public final class MethodExpression {

    private static final String ROOT = "#root";
    private static final String THIS = "#this";

    private final Expression spel;
    private final String variable;
    private final int position;

    private MethodExpression(Expression spel, String variable, int position) {
        this.spel = spel;
        this.variable = variable;
        this.position = position;
    }

    static MethodExpression of(Expression expression, MethodVariables variables) {
        if (expression instanceof SpelExpression spel && spel.getAST() instanceof VariableReference reference) {
            String text = reference.toStringAST();
            if (!text.equals(ROOT) && !text.equals(THIS)) {
                String name = text.substring(1);
                return new MethodExpression(expression, name, variables.position(name));
            }
        }
        return new MethodExpression(expression, null, -1);
    }

    /** The expression as written in the annotation. */
    public String text() {
        return spel.getExpressionString();
    }

    Object value(CallEvaluationContext call) {
        return variable != null ? call.variable(variable, position) : spel.getValue(call);
    }

    Expression spel() {
        return spel;
    }
}
