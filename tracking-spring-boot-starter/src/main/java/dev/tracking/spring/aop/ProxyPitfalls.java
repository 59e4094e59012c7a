package dev.tracking.spring.aop;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * What Spring AOP cannot intercept, found in a bean class before it is proxied: a tracking annotation on a
 * private, static or final method, or on a final class, would silently do nothing, so it fails startup; a call
 * from one method of the class to an annotated method of the same class (a self-invocation, which bypasses the
 * proxy) is found in the bytecode and reported as a warning.
 */
final class ProxyPitfalls {

    private ProxyPitfalls() {
    }

    /**
     * @throws InvalidTrackingAnnotationException for the first annotated method the proxy cannot intercept
     */
    static void check(Class<?> type, Map<Method, List<Class<? extends Annotation>>> annotated) {
        for (Map.Entry<Method, List<Class<? extends Annotation>>> entry : annotated.entrySet()) {
            Method method = entry.getKey();
            String annotation = entry.getValue().get(0).getSimpleName();
            int modifiers = method.getModifiers();
            String problem = Modifier.isPrivate(modifiers) ? "the method is private"
                    : Modifier.isStatic(modifiers) ? "the method is static"
                    : Modifier.isFinal(modifiers) ? "the method is final"
                    : Modifier.isFinal(type.getModifiers()) ? "the class " + type.getName() + " is final" : null;
            if (problem != null) {
                throw new InvalidTrackingAnnotationException(method, annotation, null, problem
                        + ", so Spring AOP cannot intercept its calls and the annotation would do nothing",
                        "Make " + (problem.contains("class") ? "the class" : "the method")
                                + " non-final" + (problem.contains("private") || problem.contains("static")
                                        ? ", non-private and non-static" : "")
                                + ", or move the annotation to a public method that other beans call.", null);
            }
        }
    }

    /**
     * Calls, in {@code type}'s own bytecode, of its annotated methods on the same class: each as
     * {@code "caller() calls callee()"}. Empty when the class file cannot be read.
     */
    static List<String> selfInvocations(Class<?> type, Map<Method, List<Class<? extends Annotation>>> annotated) {
        Set<String> targets = annotated.keySet().stream().filter(method -> method.getDeclaringClass() == type)
                .map(method -> method.getName() + Type.getMethodDescriptor(method)).collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        if (targets.isEmpty() || type.getClassLoader() == null) {
            return found;
        }
        String owner = Type.getInternalName(type);
        try (InputStream in = type.getClassLoader().getResourceAsStream(owner + ".class")) {
            if (in == null) {
                return found;
            }
            Set<String> calls = new LinkedHashSet<>();
            new ClassReader(in).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String caller, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public void visitMethodInsn(int opcode, String calledOwner, String name, String desc,
                                boolean isInterface) {
                            if (calledOwner.equals(owner) && targets.contains(name + desc)
                                    && !(caller + descriptor).equals(name + desc)) {
                                calls.add(readable(caller) + " calls " + name + "()");
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            found.addAll(calls);
        }
        catch (IOException | RuntimeException ex) {
            // an unreadable class file only means no warning
        }
        return found;
    }

    private static String readable(String method) {
        return method.startsWith("lambda$") ? "a lambda in " + method.split("\\$")[1] + "()" : method + "()";
    }
}
