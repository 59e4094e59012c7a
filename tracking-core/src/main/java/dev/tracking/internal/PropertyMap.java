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
 * An immutable, insertion-ordered map of a few message properties, kept in one array of alternating keys and
 * values: cheaper to build and to walk than a copied {@code LinkedHashMap}. Lookups scan, so it is used only up to {@link #MAX_SIZE} entries.
 * Instances come from {@link PropertyValues#copyOf} and {@link PropertyBuffer}, which never change the arrays
 * once shared.
 */
public final class PropertyMap extends AbstractMap<String, Object> {

    /** The most entries a property map holds; larger maps are copied into a {@code LinkedHashMap}. */
    public static final int MAX_SIZE = 16;

    private final Object[] entries;
    private final int size;

    /** A map of the first {@code size} key/value pairs of {@code entries} (key at {@code 2i}, value at {@code 2i + 1}). */
    PropertyMap(Object[] entries, int size) {
        this.entries = entries;
        this.size = size;
    }

    /** A property map with the entries of {@code source}, in its iteration order; at most {@link #MAX_SIZE}. */
    static PropertyMap copyOf(Map<String, ?> source) {
        Object[] entries = new Object[2 * source.size()];
        int i = 0;
        for (Map.Entry<String, ?> entry : source.entrySet()) {
            entries[i++] = entry.getKey();
            entries[i++] = entry.getValue();
        }
        return new PropertyMap(entries, i / 2);
    }

    String keyAt(int index) {
        return (String) entries[2 * index];
    }

    Object valueAt(int index) {
        return entries[2 * index + 1];
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
        return index < 0 ? null : valueAt(index);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < 2 * size; i += 2) {
            action.accept((String) entries[i], entries[i + 1]);
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
                        return new SimpleImmutableEntry<>(keyAt(i), valueAt(i));
                    }
                };
            }
        };
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(entries[2 * i], key)) {
                return i;
            }
        }
        return -1;
    }
}
