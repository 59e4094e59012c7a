package dev.tracking.internal.json;

import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/**
 * Writes maps as JSON objects without allocating per entry: it visits them with {@link Map#forEach}. One
 * instance per thread (it keeps the generator it is writing to).
 */
public final class JsonObjectWriter implements BiConsumer<Object, Object> {

    private JsonGenerator json;

    /** Writes the entries of {@code map} as properties of the object {@code json} is writing. */
    public void writeEntries(JsonGenerator json, Map<?, ?> map) {
        JsonGenerator outer = this.json;
        this.json = json;
        try {
            map.forEach(this);
        } finally {
            this.json = outer;
        }
    }

    /** Writes {@code map} as a JSON object. */
    public void writeObject(JsonGenerator json, Map<?, ?> map) {
        json.writeStartObject();
        writeEntries(json, map);
        json.writeEndObject();
    }

    /** Writes one entry; called by {@link Map#forEach}. */
    @Override
    public void accept(Object key, Object value) {
        json.writeName(key instanceof String name ? name : String.valueOf(key));
        if (value instanceof Map<?, ?> nested) {
            writeObject(json, nested);
        } else {
            JsonValues.writeValue(json, value);
        }
    }
}
