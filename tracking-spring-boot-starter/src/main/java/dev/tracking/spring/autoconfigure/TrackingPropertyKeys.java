package dev.tracking.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The keys {@link TrackingProperties} can bind, derived from the properties classes themselves (so a property added
 * to them is valid at once, whether they bind through setters, a constructor or as records), and the closest of
 * them to a key that is not one.
 * Each key is a {@link KeyPattern}.
 */
final class TrackingPropertyKeys {

    private static final String ANY = KeyPattern.ANY;

    private final List<KeyPattern> patterns = new ArrayList<>();

    TrackingPropertyKeys(String prefix, Class<?> root) {
        walk(List.of(prefix), root, 0);
    }

    List<KeyPattern> patterns() {
        return patterns;
    }

    /** Whether {@code name} is a key one of the properties classes binds. */
    boolean isKnown(ConfigurationPropertyName name) {
        return patterns.stream().anyMatch(pattern -> pattern.cost(name) == 0);
    }

    /** The valid key closest to {@code name}, written with the user's map keys, or {@code null}. */
    String closest(ConfigurationPropertyName name) {
        KeyPattern best = null;
        int bestCost = Integer.MAX_VALUE;
        for (KeyPattern pattern : patterns) {
            int cost = pattern.cost(name);
            if (cost < bestCost) {
                best = pattern;
                bestCost = cost;
            }
        }
        return best == null ? null : best.spell(name);
    }

    private void walk(List<String> prefix, Class<?> type, int depth) {
        if (depth > 8) {
            return;
        }
        for (Map.Entry<String, ResolvableType> property : properties(type).entrySet()) {
            ResolvableType resolved = property.getValue();
            Class<?> raw = resolved.resolve(Object.class);
            List<String> path = append(prefix, dashed(property.getKey()));
            if (Map.class.isAssignableFrom(raw)) {
                Class<?> value = resolved.asMap().getGeneric(1).resolve(Object.class);
                if (isBean(value)) {
                    walk(append(path, ANY), value, depth + 1);
                }
                else {
                    patterns.add(pattern(path, KeyPattern.Tail.MAP_KEY));
                }
            }
            else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
                patterns.add(pattern(path, KeyPattern.Tail.INDEXES));
            }
            else if (isBean(raw)) {
                walk(path, raw, depth + 1);
            }
            else {
                patterns.add(pattern(path, KeyPattern.Tail.NONE));
            }
        }
    }

    /**
     * The bindable properties of {@code type} by name: record components, the parameters of the constructor
     * Spring Boot binds through (a single constructor with parameters and no default one), or JavaBean properties
     * with a setter, plus getter-only maps, collections and nested types (bound in place).
     */
    private static Map<String, ResolvableType> properties(Class<?> type) {
        Map<String, ResolvableType> found = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                found.put(component.getName(), ResolvableType.forMethodReturnType(component.getAccessor()));
            }
            return found;
        }
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        boolean hasDefault = Arrays.stream(constructors).anyMatch(constructor -> constructor.getParameterCount() == 0);
        if (!hasDefault && constructors.length == 1) {
            Parameter[] parameters = constructors[0].getParameters();
            for (int i = 0; i < parameters.length; i++) {
                found.put(parameters[i].getName(), ResolvableType.forConstructorParameter(constructors[0], i));
            }
            return found;
        }
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            Method getter = descriptor.getReadMethod();
            if (getter == null || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            ResolvableType resolved = ResolvableType.forMethodReturnType(getter);
            Class<?> raw = resolved.resolve(Object.class);
            boolean inPlace = Map.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw) || isBean(raw);
            if (descriptor.getWriteMethod() != null || inPlace) {
                found.put(descriptor.getName(), resolved);
            }
        }
        return found;
    }

    private static boolean isBean(Class<?> type) {
        return !type.isEnum() && !type.isPrimitive() && type.getName().startsWith("dev.tracking.spring.");
    }

    private static KeyPattern pattern(List<String> display, KeyPattern.Tail tail) {
        return KeyPattern.of(display, tail);
    }

    private static List<String> append(List<String> list, String element) {
        List<String> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }

    private static String dashed(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
