package dev.tracking.value;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of checked property values ({@link PropertyKind#LIST}), made by {@link PropertyValues} from the
 * caller's collection or array at the call; it knows its encoded size.
 */
public final class PropertyList extends AbstractList<Object> implements RandomAccess {

    private final Object[] items;
    private final long encodedBytes;

    PropertyList(Object[] items, long encodedBytes) {
        this.items = items;
        this.encodedBytes = encodedBytes;
    }

    /** The bytes this list takes as a JSON array in UTF-8 (an upper bound). */
    public long encodedBytes() {
        return encodedBytes;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
