package dev.tracking.local.jdbc;

/** A database failure of the local backend's JDBC store; access checks then follow the no-answer policy. */
public class LocalStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
