package dev.tracking.spring.aop;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/** Runs an action when a method's result is final: now, or when its {@code CompletionStage} completes. */
final class Completion {

    private Completion() {
    }

    /**
     * Calls {@code action} with the value or the failure once {@code result} is final and returns {@code result}
     * unchanged (the same stage, so the caller sees exactly what the method returned).
     */
    static Object whenFinal(Object result, BiConsumer<Object, Throwable> action) {
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> action.accept(value, unwrap(failure)));
        }
        else {
            action.accept(result, null);
        }
        return result;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
