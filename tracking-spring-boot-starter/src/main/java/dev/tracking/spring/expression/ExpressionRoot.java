package dev.tracking.spring.expression;

import java.lang.reflect.Method;

/**
 * The root object of a tracking annotation's expressions ({@code #root}): the intercepted method, its
 * arguments and the target bean.
 *
 * @param method the method as declared by the target class
 * @param args the arguments of this call
 * @param target the target bean
 * @param targetClass the target bean's class
 */
public record ExpressionRoot(Method method, Object[] args, Object target, Class<?> targetClass) {
}
