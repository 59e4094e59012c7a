package dev.tracking.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/** Checks of single property values that throw {@link InvalidTrackingPropertyException} naming the property. */
final class PropertyChecks {

    private PropertyChecks() {
    }

    static void positive(String property, Duration value, Duration example) {
        required(property, value, example.toString());
        if (value.isNegative() || value.isZero()) {
            throw new InvalidTrackingPropertyException(property, property + " must be a positive duration, was " + value,
                    "Set " + property + " to a positive duration such as " + example.toSeconds() + "s, or remove it to use the default.");
        }
    }

    static void notNegative(String property, Duration value, Duration example) {
        required(property, value, example.toString());
        if (value.isNegative()) {
            throw new InvalidTrackingPropertyException(property, property + " must not be negative, was " + value,
                    "Set " + property + " to zero or a positive duration such as " + example.toMinutes() + "m, or remove it to use the default.");
        }
    }

    static void atLeast(String property, long value, long minimum) {
        if (value < minimum) {
            throw new InvalidTrackingPropertyException(property, property + " must be at least " + minimum + ", was " + value,
                    "Set " + property + " to " + minimum + " or more, or remove it to use the default.");
        }
    }

    static void required(String property, Object value, String example) {
        if (value == null) {
            throw new InvalidTrackingPropertyException(property, property + " has no value",
                    "Set " + property + " (for example " + example + "), or remove it to use the default.");
        }
    }

    /** The value as an absolute http(s) URI; the message shows the value, so never pass a secret here. */
    static URI httpUrl(String property, String value) {
        Objects.requireNonNull(value, property);
        URI uri = parse(value);
        if (uri == null || uri.getHost() == null
                || !"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidTrackingPropertyException(property,
                    property + " must be an absolute http:// or https:// URL, was '" + value + "'",
                    "Set " + property + " to a URL with scheme and host, such as https://lotus.example.com.");
        }
        return uri;
    }

    private static URI parse(String value) {
        try {
            return new URI(value.trim());
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }
}
