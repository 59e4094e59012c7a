package dev.tracking;

import dev.tracking.value.PropertyBuffer;
import java.util.Map;

/**
 * The setters a builder of a message with properties (a track or an activation message) adds to the identity ones:
 * a later value for a name replaces the earlier one and keeps its place.
 *
 * @param <B> the concrete builder, which every setter returns
 */
abstract class PropertyMessageBuilder<B extends PropertyMessageBuilder<B>> extends MessageBuilder<B> {

    final PropertyBuffer properties = new PropertyBuffer();

    PropertyMessageBuilder() {
    }

    /** Sets property {@code name}; the value is checked and copied when the message is built. */
    public B property(String name, Object value) {
        properties.put(name, value);
        return self();
    }

    /** Sets every property of {@code values} ({@code null}: none). */
    public B properties(Map<String, ?> values) {
        properties.putAll(values);
        return self();
    }
}
