package dev.tracking;

import java.util.List;

/**
 * A request/response call to a backend failed: the server answered with an error, or no answer came.
 *
 * <p>Carries the HTTP status (0 when there was no response), the problem-details fields when the server
 * sent them, and the plain-text body when it did not. Never carries credentials.
 */
public class TrackingApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One entry of a problem's {@code validation_errors}. */
    public record ValidationError(String code, String detail, String attr) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient List<ValidationError> validationErrors;
    private final String body;

    public TrackingApiException(String message, int status, String type, String title, String detail,
            List<ValidationError> validationErrors, String body, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
        this.body = body;
    }

    /** The HTTP status, or 0 when no response was received (timeout, connection failure). */
    public int status() {
        return status;
    }

    /** The problem's {@code type}, or {@code null}. */
    public String type() {
        return type;
    }

    /** The problem's {@code title}, e.g. {@code duplicate_resource}, or {@code null}. */
    public String title() {
        return title;
    }

    /** The problem's {@code detail}, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The problem's {@code validation_errors}, empty when none. */
    public List<ValidationError> validationErrors() {
        return validationErrors;
    }

    /** The response body as text when it was not problem details (e.g. a plain-text 400), else {@code null}. */
    public String body() {
        return body;
    }

    /** Whether the server answered at all. */
    public boolean hasResponse() {
        return status > 0;
    }
}
