package dev.tracking.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;

/**
 * The closed set of kinds a value of a property snapshot ({@link PropertyValues#copyOf}) has, and the only place
 * that tells them apart: an encoder classifies a value with {@link #of} and writes it with a {@code switch} over
 * the kind, without a {@code default} branch, so that a new kind is a compile error in every encoder until it is
 * handled. Classifying takes a few identity comparisons for the common final classes, and a lookup cached per
 * class for enums and {@code java.time} values.
 *
 * <p>{@link #encodedBytes} is what a value of the kind takes as JSON in UTF-8, as the library's encoders write it:
 * an upper bound, exact for strings (escapes and multi-byte characters included), enums, characters, booleans,
 * whole numbers and big numbers.
 */
public enum PropertyKind {

    /** {@code null}. */
    NULL,
    /** A {@link String}. */
    STRING,
    /** A {@link Boolean}. */
    BOOLEAN,
    /** A {@link Byte}, {@link Short}, {@link Integer} or {@link Long}: a JSON integer. */
    WHOLE_NUMBER,
    /** A finite {@link Double}. */
    DOUBLE,
    /** A finite {@link Float}, written as the {@code double} it widens to. */
    FLOAT,
    /** A {@link BigDecimal} (the class itself, not a subclass): a JSON number of its {@code toString()}. */
    BIG_DECIMAL,
    /** A {@link BigInteger} (the class itself, not a subclass). */
    BIG_INTEGER,
    /** A {@link Character}: a one-character string. */
    CHARACTER,
    /** An enum constant: a string of its {@code name()} ({@code DayOfWeek} and {@code Month} included). */
    ENUM,
    /** A {@link java.util.UUID}: a string of its canonical text. */
    UUID,
    /**
     * A {@code java.time} value ({@code Instant}, {@code LocalDate}, {@code ZonedDateTime}, other calendars' dates
     * of {@code java.time.chrono}…): a string of its ISO-8601 text.
     */
    TIME,
    /** A {@link PropertyMap}: a JSON object. */
    MAP,
    /** A {@link PropertyList}: a JSON array. */
    LIST;

    /** The most bytes a {@code double} takes as {@link Double#toString} writes it. */
    private static final int DECIMAL_BYTES = 24;
    /** The most bytes an ISO value of {@code java.time} takes as a quoted string. */
    private static final int ISO_TIME_BYTES = 48;
    /** A UUID as a quoted string. */
    private static final int UUID_BYTES = 38;

    private static final PropertyKind[] ALL = values();

    /**
     * The kind of each class that {@link #exactly} does not name, as its ordinal ({@code null}: not a kind), found
     * once per class by walking its hierarchy. An {@code Integer}, not the constant, so that the entries the JDK's
     * own classes ({@code DayOfWeek}, {@code Instant}…) keep do not hold this library's class loader.
     */
    private static final ClassValue<Integer> BY_HIERARCHY = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            PropertyKind kind = byHierarchy(type);
            return kind == null ? null : kind.ordinal();
        }
    };

    /**
     * The kind of {@code value}, a value of a property snapshot.
     *
     * @throws IllegalArgumentException when {@code value} is none of the kinds (it was not taken by
     *     {@link PropertyValues#copyOf})
     */
    public static PropertyKind of(Object value) {
        if (value == null) {
            return NULL;
        }
        PropertyKind kind = ofClass(value.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("values of type " + value.getClass().getName()
                    + " are not property values (PropertyValues.copyOf takes them)");
        }
        return kind;
    }

    /** The kind of the non-null values of class {@code type}, or {@code null} when they are not property values. */
    static PropertyKind ofClass(Class<?> type) {
        PropertyKind kind = exactly(type);
        if (kind != null) {
            return kind;
        }
        Integer ordinal = BY_HIERARCHY.get(type);
        return ordinal == null ? null : ALL[ordinal];
    }

    /**
     * The bytes {@code value}, a value of this kind, takes as JSON in UTF-8: exact for strings, an upper bound for
     * the others.
     *
     * @throws ClassCastException when {@code value} is not of this kind (classify it with {@link #of} first)
     */
    public long encodedBytes(Object value) {
        return switch (this) {
            case NULL -> 4;
            case STRING -> JsonText.stringBytes((String) value);
            case BOOLEAN -> (Boolean) value ? 4 : 5;
            case WHOLE_NUMBER -> wholeNumberBytes(((Number) value).longValue());
            case DOUBLE, FLOAT -> DECIMAL_BYTES;
            case BIG_DECIMAL, BIG_INTEGER -> value.toString().length();
            case CHARACTER -> JsonText.charBytes((Character) value);
            case ENUM -> JsonText.stringBytes(((Enum<?>) value).name());
            case UUID -> UUID_BYTES;
            case TIME -> timeBytes(value);
            case MAP -> ((PropertyMap) value).encodedBytes();
            case LIST -> ((PropertyList) value).encodedBytes();
        };
    }

    /** The kind of the final classes of the model, by identity: the common values, found without a lookup. */
    private static PropertyKind exactly(Class<?> type) {
        if (type == String.class) {
            return STRING;
        }
        if (type == Boolean.class) {
            return BOOLEAN;
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            return WHOLE_NUMBER;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        if (type == Float.class) {
            return FLOAT;
        }
        if (type == BigDecimal.class) {
            return BIG_DECIMAL;
        }
        if (type == BigInteger.class) {
            return BIG_INTEGER;
        }
        if (type == Character.class) {
            return CHARACTER;
        }
        if (type == java.util.UUID.class) {
            return UUID;
        }
        if (type == PropertyMap.class) {
            return MAP;
        }
        return type == PropertyList.class ? LIST : null;
    }

    /** The kind of the other classes, by their hierarchy (enums, {@code java.time}); run once per class. */
    private static PropertyKind byHierarchy(Class<?> type) {
        if (Enum.class.isAssignableFrom(type)) {
            return ENUM;
        }
        if (TemporalAccessor.class.isAssignableFrom(type) && type.getName().startsWith("java.time.")) {
            return TIME;
        }
        return null;
    }

    private static int wholeNumberBytes(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int bytes = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
            bytes++;
        }
        return bytes;
    }

    /** ISO values of {@code java.time} fit a constant; other calendars' text is measured (rare, it allocates). */
    private static long timeBytes(Object time) {
        return "java.time".equals(time.getClass().getPackageName()) ? ISO_TIME_BYTES
                : JsonText.stringBytes(time.toString());
    }
}
