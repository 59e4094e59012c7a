package dev.tracking.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, insertion-ordered map of a few message properties, kept in two arrays: cheaper to build and to
 * walk than a copied {@code LinkedHashMap}. Lookups scan, so it is used only up to {@link #MAX_SIZE} entries.
 * Instances come from {@link PropertyValues#copyOf} and {@link PropertyBuffer}, which never change the arrays
 * once shared.
 */
public final class PropertyMap extends AbstractMap<String, Object> {

    /** The most entries a property map holds; larger maps are copied into a {@code LinkedHashMap}. */
    public static final int MAX_SIZE = 16;

    private final String[] keys;
    private final Object[] values;
    private final int size;

    PropertyMap(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** A property map with the entries of {@code source}, in its iteration order; at most {@link #MAX_SIZE}. */
    static PropertyMap copyOf(Map<String, ?> source) {
        String[] keys = new String[source.size()];
        Object[] values = new Object[source.size()];
        int i = 0;
        for (Map.Entry<String, ?> entry : source.entrySet()) {
            keys[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new PropertyMap(keys, values, i);
    }

    String keyAt(int index) {
        return keys[index];
    }

    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }
}
