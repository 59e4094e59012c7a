package dev.tracking.sample;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP response from the running app, its body parsed as JSON when it is JSON.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or an empty string
 * @param wwwAuthenticate the {@code WWW-Authenticate} header, or an empty string
 * @param text the raw body
 */
record ApiResponse(int status, String contentType, String wwwAuthenticate, String text) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body as JSON; a missing node when there is no body. */
    JsonNode json() {
        return text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
    }

    /** The body's field at {@code path}, e.g. {@code "usage"} or {@code "/usage/report_exported/used"}. */
    JsonNode at(String path) {
        return path.startsWith("/") ? json().at(path) : json().path(path);
    }
}
