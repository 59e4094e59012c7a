package dev.tracking.lotus;

import dev.tracking.TrackingApiException.ValidationError;
import dev.tracking.TrackingApiException;
import dev.tracking.http.HttpReply;
import dev.tracking.internal.http.TransportFailures;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns Lotus error answers into {@link TrackingApiException}: RFC 7807-like JSON ({@code type}, {@code title},
 * {@code detail}, {@code validation_errors}) when the server sent it, else the body text (the plain-text 400s).
 */
final class LotusProblems {

    private LotusProblems() {
    }

    static TrackingApiException fromResponse(String operation, HttpReply response) {
        JsonNode json = LotusJson.parseOrNull(response.body());
        String prefix = "Lotus " + operation + " failed with HTTP " + response.status();
        if (json != null && json.isObject() && (json.has("title") || json.has("detail") || json.has("type"))) {
            String title = LotusJson.text(json, "title");
            String detail = LotusJson.text(json, "detail");
            String summary = detail != null ? (title != null ? title + ": " + detail : detail) : title;
            return new TrackingApiException(prefix + (summary == null ? "" : ": " + summary), response.status(),
                    LotusJson.text(json, "type"), title, detail, validationErrors(json), null, null);
        }
        String text = TransportFailures.truncate(response.bodyText().strip());
        return new TrackingApiException(prefix + (text.isEmpty() ? "" : ": " + text), response.status(), null, null,
                null, List.of(), text, null);
    }

    static TrackingApiException noResponse(String operation, IOException cause) {
        String what = cause instanceof HttpTimeoutException ? "timed out" : "got no response";
        return new TrackingApiException("Lotus " + operation + " " + what + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()), 0, null, null, null, List.of(), null,
                cause);
    }

    static TrackingApiException interrupted(String operation, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new TrackingApiException("Lotus " + operation + " was interrupted", 0, null, null, null, List.of(),
                null, cause);
    }

    static TrackingApiException unexpectedBody(String operation, HttpReply response) {
        return new TrackingApiException("Lotus " + operation + " answered HTTP " + response.status()
                + " with a body that does not match the API", response.status(), null, null, null, List.of(),
                TransportFailures.truncate(response.bodyText()), null);
    }

    private static List<ValidationError> validationErrors(JsonNode json) {
        JsonNode errors = json.get("validation_errors");
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        List<ValidationError> list = new ArrayList<>(errors.size());
        for (JsonNode error : errors.values()) {
            list.add(new ValidationError(LotusJson.text(error, "code"), LotusJson.text(error, "detail"),
                    LotusJson.text(error, "attr")));
        }
        return list;
    }
}
