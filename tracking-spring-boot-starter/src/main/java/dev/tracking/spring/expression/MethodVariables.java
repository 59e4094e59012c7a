package dev.tracking.spring.expression;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one method as expression variables, found once per method: each parameter by name (when the
 * names are known) and as {@code a0}/{@code p0}, mapped to its position in a call's arguments.
 */
public final class MethodVariables {

    private final Method method;
    private final Map<String, Integer> positions;

    MethodVariables(Method method, String[] names) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            positions.put("a" + i, i);
            positions.put("p" + i, i);
        }
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i] != null) {
                    positions.put(names[i], i);
                }
            }
        }
        this.method = method;
        this.positions = Map.copyOf(positions);
    }

    /** The method, as the target class declares it. */
    public Method method() {
        return method;
    }

    /** The position of the parameter called {@code name} ({@code a0}, {@code p0} included), or -1. */
    int position(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    Set<String> names() {
        return positions.keySet();
    }
}
