package dev.tracking.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, insertion-ordered map of message properties ({@link PropertyKind#MAP}), kept in one array of
 * alternating keys and values: cheaper to build and to walk than a copied {@code LinkedHashMap}. Lookups scan;
 * {@link #forEach} walks the array without allocating. Every instance outside this package is a checked snapshot,
 * made by {@link PropertyValues#copyOf} (directly or through {@link PropertyBuffer}): it knows its encoded size, and
 * its values are of the kinds {@link PropertyKind} names. The array is never changed once shared.
 */
public final class PropertyMap extends AbstractMap<String, Object> {

    /** The most entries a builder keeps in an array before it switches to a {@code LinkedHashMap}. */
    static final int MAX_SIZE = 16;

    static final PropertyMap EMPTY = new PropertyMap(new Object[0], 0, 2);

    private final Object[] entries;
    private final int size;
    /** The bytes as a JSON object once checked by {@link PropertyValues}, else -1; set once, before publication. */
    private long encodedBytes;

    /** A map of the first {@code size} pairs of {@code entries}: key at {@code 2i}, value at {@code 2i + 1}. */
    PropertyMap(Object[] entries, int size) {
        this(entries, size, -1);
    }

    PropertyMap(Object[] entries, int size, long encodedBytes) {
        this.entries = entries;
        this.size = size;
        this.encodedBytes = encodedBytes;
    }

    /** Whether this map is a checked snapshot. */
    boolean isSnapshot() {
        return encodedBytes >= 0;
    }

    /** Marks this unchecked map, whose values were all found immutable, as a snapshot of {@code bytes}. */
    void markSnapshot(long bytes) {
        encodedBytes = bytes;
    }

    /** The bytes this map takes as a JSON object in UTF-8 (an upper bound). */
    public long encodedBytes() {
        return encodedBytes;
    }

    Object[] entries() {
        return entries;
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
