package dev.tracking.spring.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpression;

class TrackingExpressionEvaluatorTest {

    private static final Set<String> OUTCOME = Set.of(TrackingExpressionEvaluator.RESULT,
            TrackingExpressionEvaluator.EXCEPTION);

    private final TrackingExpressionEvaluator evaluator = new TrackingExpressionEvaluator(
            (context, name) -> "bean:" + name);
    private final Exports target = new Exports();

    @Test
    void readsParametersByNameAndPosition() {
        Method export = method("export", Request.class, int.class);
        Object[] args = {new Request("acme", "pdf"), 12};
        assertThat(value(export, "#rows", args, null, null)).isEqualTo(12);
        assertThat(value(export, "#a1", args, null, null)).isEqualTo(12);
        assertThat(value(export, "#p0", args, null, null)).isSameAs(args[0]);
        assertThat(value(export, "#request.customerId", args, null, null)).isEqualTo("acme");
        assertThat(value(export, "'a@' + #request.customerId + '.test'", args, null, null)).isEqualTo("a@acme.test");
    }

    @Test
    void givesTheRootObjectBeansAndTypes() {
        Method export = method("export", Request.class, int.class);
        Object[] args = {new Request("acme", "pdf"), 12};
        assertThat(value(export, "#root.method.name", args, null, null)).isEqualTo("export");
        assertThat(value(export, "#root.args[1]", args, null, null)).isEqualTo(12);
        assertThat(value(export, "#root.targetClass.simpleName", args, null, null)).isEqualTo("Exports");
        assertThat(value(export, "@reports", args, null, null)).isEqualTo("bean:reports");
        assertThat(value(export, "T(java.lang.Math).max(#rows, 40)", args, null, null)).isEqualTo(40);
    }

    @Test
    void resultAndExceptionAreTheOutcomeWhenThereIsOneElseTheParameterOfThatName() {
        Method handle = method("handle", Exception.class);
        IllegalStateException thrown = new IllegalStateException("thrown");
        IllegalStateException handled = new IllegalStateException("handled");
        assertThat(value(handle, "#exception", new Object[] {handled}, null, thrown)).isSameAs(thrown);
        assertThat(value(handle, "#exception.message", new Object[] {handled}, "ok", null)).isEqualTo("handled");
        assertThat(value(handle, "#exception", new Object[] {handled}, "ok", null)).isSameAs(handled);

        Method compute = method("compute", String.class);
        assertThat(value(compute, "#result", new Object[] {"argument"}, "returned", null)).isEqualTo("returned");
        assertThat(value(compute, "#result", new Object[] {"argument"}, null, null)).isEqualTo("argument");
        assertThat(value(compute, "#result.length()", new Object[] {"argument"}, null, null)).isEqualTo(8);
    }

    @Test
    void aCompiledExpressionStillAnswersRightWhenACallPassesAnotherType() {
        Method describe = method("describe", Object.class);
        MethodExpression expression = evaluator.parse(describe, Exports.class, "#item.name", Set.of());
        for (int i = 0; i < 150; i++) {
            assertThat(evaluate(describe, expression, new Object[] {new Request("c" + i, "pdf")})).isEqualTo("c" + i);
        }
        assertThat(((SpelExpression) expression.spel()).compileExpression()).isTrue();
        assertThat(evaluate(describe, expression, new Object[] {new Request("acme", "pdf")})).isEqualTo("acme");
        assertThat(evaluate(describe, expression, new Object[] {new Named("globex")})).isEqualTo("globex");
        assertThat(evaluate(describe, expression, new Object[] {new Request("initech", "csv")})).isEqualTo("initech");
    }

    @Test
    void reportsWhatFailsWithTheExpressionText() {
        Method export = method("export", Request.class, int.class);
        assertThatThrownBy(() -> value(export, "#request.customerId", new Object[] {null, 1}, null, null))
                .isInstanceOf(ExpressionFailure.class).hasMessageStartingWith("'#request.customerId' failed: ");
        assertThatThrownBy(() -> value(export, "#request", new Object[] {null, 1}, null, null))
                .isInstanceOf(ExpressionFailure.class).hasMessage("'#request' yielded null");
        MethodExpression rows = evaluator.parse(export, Exports.class, "#rows", Set.of());
        CallEvaluationContext context = context(export, new Object[] {null, 1}, null, null);
        assertThatThrownBy(() -> evaluator.evaluate(rows, context, Boolean.class))
                .isInstanceOf(ExpressionFailure.class).hasMessage("'#rows' yielded a java.lang.Integer, not a Boolean");
    }

    @Test
    void parsesEachExpressionOncePerMethod() {
        Method export = method("export", Request.class, int.class);
        assertThat(evaluator.parse(export, Exports.class, "#rows", Set.of()))
                .isSameAs(evaluator.parse(export, Exports.class, "#rows", Set.of()));
        assertThat(evaluator.variables(export)).isSameAs(evaluator.variables(export));
        assertThatThrownBy(() -> evaluator.parse(export, Exports.class, "#result", Set.of()))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("#result");
    }

    private Object value(Method method, String text, Object[] args, Object result, Throwable exception) {
        MethodExpression expression = evaluator.parse(method, Exports.class, text, OUTCOME);
        return evaluator.evaluate(expression, context(method, args, result, exception), Object.class);
    }

    private Object evaluate(Method method, MethodExpression expression, Object[] args) {
        return evaluator.evaluate(expression, context(method, args, null, null), Object.class);
    }

    private CallEvaluationContext context(Method method, Object[] args, Object result, Throwable exception) {
        return evaluator.createContext(evaluator.variables(method), target, Exports.class, args, result, exception);
    }

    private static Method method(String name, Class<?>... types) {
        try {
            return Exports.class.getMethod(name, types);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public record Request(String customerId, String format) {

        public String getName() {
            return customerId;
        }
    }

    public record Named(String name) {

        public String getName() {
            return name;
        }
    }

    public static class Exports {

        public int export(Request request, int rows) {
            return rows;
        }

        public String handle(Exception exception) {
            return "ok";
        }

        public String compute(String result) {
            return result;
        }

        public String describe(Object item) {
            return String.valueOf(item);
        }
    }
}
