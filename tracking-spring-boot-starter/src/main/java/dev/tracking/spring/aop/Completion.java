package dev.tracking.spring.aop;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/** Runs an action when a method's {@code CompletionStage} completes. */
final class Completion {

    private Completion() {
    }

    /**
     * Calls {@code action} with the value or the failure (unwrapped from {@code CompletionException} and
     * {@code ExecutionException}) once {@code stage} completes; the stage the caller sees is not changed.
     */
    static void whenComplete(CompletionStage<?> stage, BiConsumer<Object, Throwable> action) {
        stage.whenComplete((value, failure) -> action.accept(value, unwrap(failure)));
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
