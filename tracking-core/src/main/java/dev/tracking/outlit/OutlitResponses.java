package dev.tracking.outlit;

import dev.tracking.Failure;
import dev.tracking.http.HttpReply;
import dev.tracking.internal.http.RetryAfter;
import dev.tracking.internal.http.TransportFailures;
import dev.tracking.internal.http.UnexpectedResponse;
import dev.tracking.spi.SendResult;
import java.time.Clock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Outlit's answer to an ingest request: 200 with {@code {"success":true,…}} delivered; 207 the listed
 * {@code errors[].index} failed for good, the rest delivered; a 400 or 500 that lists {@code errors[{index,message}]}
 * fails only the listed events for good and sends the others again (a 400 names the events that broke the request,
 * a 500 those it failed to store); a success status with any other body (not JSON, or JSON without
 * {@code success} or {@code errors}: a proxy's page, a wrong base URL) retries as {@code unexpected_response}, for a
 * 2xx is not proof of delivery; otherwise 408, 429 and 5xx retry the batch (after {@code Retry-After} or
 * {@code X-RateLimit-Reset} when given) and any other status fails it with the server's message.
 */
final class OutlitResponses {

    private static final SendResult[] ALL_DELIVERED = new SendResult[OutlitDestination.MAX_EVENTS_PER_REQUEST + 1];

    private OutlitResponses() {
    }

    static SendResult interpret(HttpReply reply, int size, Clock clock) {
        if (reply.status() == 207) {
            return partial(reply, size, clock);
        }
        if (reply.status() == 400 || reply.status() == 500) {
            SendResult listed = listedFailures(reply, size, clock);
            if (listed != null) {
                return listed;
            }
        }
        return switch (reply.statusClass()) {
            case SUCCESS -> parse(reply).path("success").asBoolean(false) ? allDelivered(size)
                    : unexpected(reply, size, "{\"success\":true,…}", clock);
            case RETRYABLE -> SendResult.retry(size, TransportFailures.fromStatus(reply.status(), message(reply)),
                    RetryAfter.fromHeaders(reply.headers(), clock));
            case PERMANENT -> SendResult.failed(size, TransportFailures.fromStatus(reply.status(), message(reply)));
        };
    }

    private static SendResult allDelivered(int size) {
        if (size >= ALL_DELIVERED.length) {
            return SendResult.delivered(size);
        }
        SendResult result = ALL_DELIVERED[size];
        if (result == null) {
            result = SendResult.delivered(size);
            ALL_DELIVERED[size] = result;
        }
        return result;
    }

    private static SendResult unexpected(HttpReply reply, int size, String expected, Clock clock) {
        return SendResult.retry(size, UnexpectedResponse.of(reply.status(), reply.header("Content-Type"),
                reply.body(), expected), RetryAfter.fromHeaders(reply.headers(), clock));
    }

    private static SendResult partial(HttpReply reply, int size, Clock clock) {
        SendResult.Builder result = SendResult.builder(size);
        JsonNode errors = parse(reply).path("errors");
        if (!errors.isArray()) {
            return unexpected(reply, size, "{\"errors\":[…]}", clock);
        }
        for (JsonNode error : errors) {
            int index = error.path("index").asInt(-1);
            if (index >= 0 && index < size) {
                String message = error.path("message").asString("rejected by the server");
                result.failed(index, Failure.of("rejected", TransportFailures.truncate(message)));
            }
        }
        return result.build();
    }

    /**
     * For a 400 or 500 whose body names events by index: those fail for good with the server's message, the others
     * are sent again (after the wait the server asks for). {@code null} when no index names an event of the batch.
     */
    private static SendResult listedFailures(HttpReply reply, int size, Clock clock) {
        JsonNode errors = parse(reply).path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return null;
        }
        boolean[] listed = new boolean[size];
        SendResult.Builder result = SendResult.builder(size);
        int count = 0;
        for (JsonNode error : errors) {
            int index = error.path("index").asInt(-1);
            if (error.path("index").isIntegralNumber() && index >= 0 && index < size && !listed[index]) {
                listed[index] = true;
                count++;
                String message = error.path("message").asString("rejected by the server");
                result.failed(index, Failure.of("rejected", TransportFailures.truncate(message)));
            }
        }
        if (count == 0) {
            return null;
        }
        Failure cause = TransportFailures.fromStatus(reply.status(), "sent again without the "
                + count + " event(s) the server listed");
        for (int i = 0; i < size; i++) {
            if (!listed[i]) {
                result.retry(i, cause);
            }
        }
        return result.retryAfter(RetryAfter.fromHeaders(reply.headers(), clock)).build();
    }

    /** The server's {@code message}, else the start of the body, else {@code null}. */
    static String message(HttpReply reply) {
        JsonNode message = parse(reply).path("message");
        if (message.isString()) {
            return message.stringValue();
        }
        String body = reply.bodyText().strip();
        return body.isEmpty() ? null : TransportFailures.truncate(body);
    }

    private static JsonNode parse(HttpReply reply) {
        if (reply.body().length == 0) {
            return Json.MAPPER.missingNode();
        }
        try {
            return Json.MAPPER.readTree(reply.body());
        } catch (JacksonException e) {
            return Json.MAPPER.missingNode();
        }
    }

    /** Loaded on the first body to read: a plain 200 never needs one. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.shared();
    }
}
