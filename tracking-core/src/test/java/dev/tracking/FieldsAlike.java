package dev.tracking;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an immutable value's instance fields by reflection, so a round-trip test covers a field added later without
 * trusting the type's own {@code equals}.
 */
final class FieldsAlike {

    private FieldsAlike() {
    }

    /** The names of the instance fields whose values are equal in {@code a} and {@code b}. */
    static List<String> sameIn(Object a, Object b) {
        List<String> same = new ArrayList<>();
        for (Field field : a.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                if (Objects.equals(field.get(a), field.get(b))) {
                    same.add(field.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return same;
    }

    /** The number of instance fields of {@code type}. */
    static long count(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .count();
    }
}
