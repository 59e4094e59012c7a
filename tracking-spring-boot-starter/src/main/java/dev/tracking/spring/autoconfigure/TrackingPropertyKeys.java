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
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.ResolvableType;

/**
 * The keys {@link TrackingProperties} can bind, derived from the properties classes themselves (so a property added
 * to them is valid at once, whether they bind through setters, a constructor or as records), and the closest of
 * them to a key that is not one.
 *
 * <p>Each key is a pattern of elements: a name, {@code *} for a key of a map whose keys are user data (plan ids,
 * customer ids), and an ending that says what may follow (nothing, list indexes, or any map key).
 */
final class TrackingPropertyKeys {

    /** What may follow the last element of a pattern. */
    enum Tail {
        /** nothing: a scalar property */
        NONE,
        /** list indexes only */
        INDEXES,
        /** one or more elements of a map key (a map of scalar values) */
        MAP_KEY
    }

    /** One bindable key: elements in uniform form ({@code *} = any one element) and what may follow. */
    record Pattern(List<String> elements, List<String> display, Tail tail) {
    }

    private static final String ANY = "*";

    private final List<Pattern> patterns = new ArrayList<>();

    TrackingPropertyKeys(String prefix, Class<?> root) {
        walk(List.of(prefix), root, 0);
    }

    List<Pattern> patterns() {
        return patterns;
    }

    /** Whether {@code name} is a key one of the properties classes binds. */
    boolean isKnown(ConfigurationPropertyName name) {
        return patterns.stream().anyMatch(pattern -> cost(pattern, name) == 0);
    }

    /** The valid key closest to {@code name}, written with the user's map keys, or {@code null}. */
    String closest(ConfigurationPropertyName name) {
        Pattern best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Pattern pattern : patterns) {
            int cost = cost(pattern, name);
            if (cost < bestCost) {
                best = pattern;
                bestCost = cost;
            }
        }
        return best == null ? null : spell(best, name);
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
                    patterns.add(pattern(path, Tail.MAP_KEY));
                }
            }
            else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
                patterns.add(pattern(path, Tail.INDEXES));
            }
            else if (isBean(raw)) {
                walk(path, raw, depth + 1);
            }
            else {
                patterns.add(pattern(path, Tail.NONE));
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

    private static Pattern pattern(List<String> display, Tail tail) {
        List<String> uniform = display.stream()
                .map(element -> element.equals(ANY) ? ANY : ConfigurationPropertyName.of(element).getElement(0,
                        Form.UNIFORM))
                .toList();
        return new Pattern(uniform, display, tail);
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

    /** 0 when {@code name} is a key of {@code pattern}; otherwise how far it is (edit distance over elements). */
    static int cost(Pattern pattern, ConfigurationPropertyName name) {
        List<String> elements = pattern.elements();
        int cost = 0;
        int i = 0;
        for (; i < elements.size(); i++) {
            if (i >= name.getNumberOfElements()) {
                // a parent of valid keys (e.g. an empty YAML map) is valid itself
                if (cost == 0) {
                    return 0;
                }
                for (int j = i; j < elements.size(); j++) {
                    cost += elements.get(j).length();
                }
                return cost;
            }
            String wanted = elements.get(i);
            if (!wanted.equals(ANY)) {
                cost += distance(wanted, name.getElement(i, Form.UNIFORM));
            }
        }
        if (pattern.tail() == Tail.MAP_KEY) {
            return cost;
        }
        for (int j = i; j < name.getNumberOfElements(); j++) {
            if (!(pattern.tail() == Tail.INDEXES && name.isNumericIndex(j))) {
                cost += 1 + name.getElement(j, Form.UNIFORM).length();
            }
        }
        return cost;
    }

    private static String spell(Pattern pattern, ConfigurationPropertyName name) {
        StringBuilder out = new StringBuilder();
        List<String> display = pattern.display();
        for (int i = 0; i < display.size(); i++) {
            String element = display.get(i).equals(ANY) && i < name.getNumberOfElements()
                    ? original(name, i) : display.get(i);
            out.append(i == 0 ? "" : ".").append(element);
        }
        if (pattern.tail() == Tail.MAP_KEY) {
            for (int i = display.size(); i < name.getNumberOfElements(); i++) {
                out.append('.').append(original(name, i));
            }
            if (name.getNumberOfElements() <= display.size()) {
                out.append(".<key>");
            }
        }
        return out.toString();
    }

    private static String original(ConfigurationPropertyName name, int index) {
        String element = name.getElement(index, Form.ORIGINAL);
        return element.contains(".") ? "[" + element + "]" : element;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
