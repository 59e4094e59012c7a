package dev.tracking.spi;

/**
 * Thrown by {@link Destination#send} when one message of the batch cannot be encoded: the tracker fails that
 * message alone (reason {@code unencodable}, logged with its id and field) and sends the rest of the batch.
 */
public class UnencodableMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final String field;

    /**
     * @param index the message's position in the batch given to {@code send}
     * @param field the field that could not be encoded (e.g. {@code properties.when}), or {@code null} if unknown
     * @param cause what went wrong
     */
    public UnencodableMessageException(int index, String field, Throwable cause) {
        super("message " + index + " of the batch cannot be encoded" + (field == null ? "" : " (" + field + ")")
                + (cause == null ? "" : ": " + cause), cause);
        this.index = index;
        this.field = field;
    }

    /** The message's position in the batch. */
    public int index() {
        return index;
    }

    /** The field that could not be encoded, or {@code null} if unknown. */
    public String field() {
        return field;
    }
}
