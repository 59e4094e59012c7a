package dev.tracking.spring.autoconfigure;

import java.util.List;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * One bindable {@code tracking.*} key as a pattern of elements: names, {@code *} for a key of a map whose keys
 * are user data (plan ids, customer ids), and an ending that says what may follow (nothing, list indexes, or any
 * map key); and how far another key is from it, for suggesting the closest valid key.
 *
 * @param elements the elements in uniform form ({@code *} = any one element)
 * @param display the elements as written in the documentation
 * @param tail what may follow the last element
 */
record KeyPattern(List<String> elements, List<String> display, Tail tail) {

    static final String ANY = "*";

    /** What may follow the last element of a pattern. */
    enum Tail {
        /** nothing: a scalar property */
        NONE,
        /** list indexes only */
        INDEXES,
        /** one or more elements of a map key (a map of scalar values) */
        MAP_KEY
    }

    static KeyPattern of(List<String> display, Tail tail) {
        List<String> uniform = display.stream()
                .map(element -> element.equals(ANY) ? ANY
                        : ConfigurationPropertyName.of(element).getElement(0, Form.UNIFORM))
                .toList();
        return new KeyPattern(uniform, display, tail);
    }

    /** 0 when {@code name} is a key of this pattern; otherwise how far it is (edit distance over elements). */
    int cost(ConfigurationPropertyName name) {
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
        if (tail == Tail.MAP_KEY) {
            return cost;
        }
        for (int j = i; j < name.getNumberOfElements(); j++) {
            if (!(tail == Tail.INDEXES && name.isNumericIndex(j))) {
                cost += 1 + name.getElement(j, Form.UNIFORM).length();
            }
        }
        return cost;
    }

    /** The valid key this pattern stands for, spelt with {@code name}'s map keys. */
    String spell(ConfigurationPropertyName name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < display.size(); i++) {
            String element = display.get(i).equals(ANY) && i < name.getNumberOfElements()
                    ? original(name, i) : display.get(i);
            out.append(i == 0 ? "" : ".").append(element);
        }
        if (tail == Tail.MAP_KEY) {
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
