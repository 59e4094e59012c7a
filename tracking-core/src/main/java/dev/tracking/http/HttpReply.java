package dev.tracking.http;

import java.nio.charset.StandardCharsets;

/**
 * A received HTTP response: status, headers and the body bytes.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the response body, empty when there was none
 */
public record HttpReply(int status, ReplyHeaders headers, byte[] body) {

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of header {@code name}, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name);
    }

    /** How a sender should treat this response's status. */
    public HttpStatusClass statusClass() {
        return HttpStatusClass.of(status);
    }
}
