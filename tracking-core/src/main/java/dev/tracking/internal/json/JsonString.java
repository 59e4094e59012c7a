package dev.tracking.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string encoded once as a quoted, escaped JSON string, for the property names and fixed values that every
 * document repeats: {@link JsonBuffer} copies its bytes instead of escaping the text again.
 */
public final class JsonString {

    private final byte[] quoted;

    private JsonString(byte[] quoted) {
        this.quoted = quoted;
    }

    /** {@code text}, encoded. */
    public static JsonString of(String text) {
        JsonBuffer json = new JsonBuffer(text.length() + 2);
        json.string(text);
        return new JsonString(Arrays.copyOf(json.array(), json.size()));
    }

    /** The quoted UTF-8 bytes; not to be changed. */
    byte[] quoted() {
        return quoted;
    }

    /** The JSON text, quotes included. */
    @Override
    public String toString() {
        return new String(quoted, StandardCharsets.UTF_8);
    }
}
