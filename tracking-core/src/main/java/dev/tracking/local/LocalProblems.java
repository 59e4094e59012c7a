package dev.tracking.local;

import dev.tracking.TrackingApiException;
import dev.tracking.TrackingApiException.ValidationError;
import java.util.List;

/** The errors the local backend answers with, shaped like Lotus's problem details. */
final class LocalProblems {

    private LocalProblems() {
    }

    /** 400 {@code duplicate_resource}: an id or email already taken. */
    static TrackingApiException duplicate(String detail) {
        return problem(400, "duplicate_resource", detail, List.of());
    }

    /** 400 {@code validation_error} on {@code attr}. */
    static TrackingApiException invalid(String attr, String detail) {
        return problem(400, "validation_error", detail, List.of(new ValidationError("invalid", detail, attr)));
    }

    /** 404 {@code not_found}. */
    static TrackingApiException notFound(String detail) {
        return problem(404, "not_found", detail, List.of());
    }

    private static TrackingApiException problem(int status, String title, String detail,
            List<ValidationError> errors) {
        return new TrackingApiException("Local backend answered " + status + " " + title + ": " + detail,
                status, null, title, detail, errors, null, null);
    }
}
