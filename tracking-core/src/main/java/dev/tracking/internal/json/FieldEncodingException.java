package dev.tracking.internal.json;

/** A value that could not be written, with the path to it from the object being written (e.g. {@code .a.b[2]}). */
public final class FieldEncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private String path;

    FieldEncodingException(String step, Throwable cause) {
        super(cause == null ? "cannot be written" : cause.toString(), cause, false, false);
        this.path = step;
    }

    /** The failure {@code cause} of the value at {@code step}. */
    public static FieldEncodingException at(String step, Throwable cause) {
        return new FieldEncodingException(step, cause);
    }

    /** This failure, seen from one level up: {@code step} goes in front of the path. */
    public FieldEncodingException within(String step) {
        path = step + path;
        return this;
    }

    /** The path to the value, starting with {@code .} or {@code [}. */
    public String path() {
        return path;
    }
}
