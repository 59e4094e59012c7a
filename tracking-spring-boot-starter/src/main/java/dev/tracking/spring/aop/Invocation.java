package dev.tracking.spring.aop;

import dev.tracking.spring.expression.ExpressionRoot;
import java.lang.reflect.Method;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;

/**
 * One intercepted call: the method as the target class declares it, the target and the arguments.
 *
 * @param method the most specific method, on the target class
 * @param targetClass the target's class (not a proxy class)
 * @param target the target bean
 * @param args the call's arguments
 */
record Invocation(Method method, Class<?> targetClass, Object target, Object[] args) {

    static Invocation of(ProceedingJoinPoint joinPoint) {
        Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
        Object target = joinPoint.getTarget();
        Class<?> targetClass = target != null ? AopProxyUtils.ultimateTargetClass(target) : method.getDeclaringClass();
        return new Invocation(AopUtils.getMostSpecificMethod(method, targetClass), targetClass, target,
                joinPoint.getArgs());
    }

    ExpressionRoot root() {
        return new ExpressionRoot(method, args, target, targetClass);
    }

    String describe() {
        return targetClass.getName() + "." + method.getName() + "(..)";
    }
}
