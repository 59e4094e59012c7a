package dev.tracking.spring.aop;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Definitions by invoked method and target class, each computed once. A hit is one hash lookup by method (a proxy
 * passes the same {@code Method} object on every call) and an identity check of the target class, allocating
 * nothing. A method without the annotation is cached too, as {@code null}; a definition that fails to compute is
 * not cached.
 */
final class DefinitionCache<D> {

    private final Map<Method, Entry<D>> entries = new ConcurrentHashMap<>();
    private final BiFunction<Method, Class<?>, D> compute;

    DefinitionCache(BiFunction<Method, Class<?>, D> compute) {
        this.compute = compute;
    }

    /** The definition of {@code method} called on a {@code targetClass} instance, or {@code null} when it has none. */
    D get(Method method, Class<?> targetClass) {
        Entry<D> found = find(entries.get(method), targetClass);
        if (found == null) {
            found = find(entries.compute(method, (key, first) -> find(first, targetClass) != null ? first
                    : new Entry<>(targetClass, compute.apply(key, targetClass), first)), targetClass);
        }
        return found.definition();
    }

    private static <D> Entry<D> find(Entry<D> first, Class<?> targetClass) {
        Entry<D> entry = first;
        while (entry != null && entry.targetClass() != targetClass) {
            entry = entry.next();
        }
        return entry;
    }

    private record Entry<D>(Class<?> targetClass, D definition, Entry<D> next) {
    }
}
