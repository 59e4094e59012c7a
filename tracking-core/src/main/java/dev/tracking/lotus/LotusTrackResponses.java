package dev.tracking.lotus;

import dev.tracking.Failure;
import dev.tracking.Message;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpStatusClass;
import dev.tracking.internal.http.RetryAfter;
import dev.tracking.internal.http.TransportFailures;
import dev.tracking.internal.http.UnexpectedResponse;
import dev.tracking.spi.SendResult;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads the answer to {@code POST /api/track/} message by message.
 *
 * <p>201 {@code success: all} delivers everything; with {@code failed_events} the events named there failed:
 * a reason starting with {@code Failed to produce event to kafka} is the server's fault and is retried, any other
 * reason rejects that event for good (reason {@code rejected}, the server's text as detail). A 400
 * {@code success: none} reads the same way, and an event it does not name is rejected too. A success status
 * whose body is not such JSON (a proxy's page, a wrong base URL) retries the batch as {@code unexpected_response}. 401, 403 and a 400
 * about the API key reject the batch with {@code credentialsRejected}; 408, 429 and 5xx retry it (honouring
 * {@code Retry-After}); any other status rejects it.
 */
final class LotusTrackResponses {

    static final String KAFKA_FAILURE = "Failed to produce event to kafka";

    private LotusTrackResponses() {
    }

    static SendResult classify(List<Message> batch, HttpReply response, Clock clock) {
        int status = response.status();
        boolean success = response.statusClass() == HttpStatusClass.SUCCESS;
        JsonNode json = success || status == 400 ? LotusJson.parseOrNull(response.body()) : null;
        if (json != null && json.isObject() && json.has("success")) {
            return perEvent(batch, json, status == 400 || "none".equals(LotusJson.text(json, "success")));
        }
        if (success) {
            return SendResult.retry(batch.size(), UnexpectedResponse.of(status, response.header("Content-Type"),
                    response.body(), "{\"success\":…}"), RetryAfter.fromHeaders(response.headers(), clock));
        }
        String text = response.bodyText().strip();
        if (status == 400 && text.toLowerCase(Locale.ROOT).contains("api key")) {
            return SendResult.failed(batch.size(), new Failure("http_400", "HTTP 400: "
                    + TransportFailures.truncate(text), true));
        }
        Failure failure = TransportFailures.fromStatus(status, text);
        if (response.statusClass() == HttpStatusClass.RETRYABLE) {
            return SendResult.retry(batch.size(), failure, RetryAfter.fromHeaders(response.headers(), clock));
        }
        return SendResult.failed(batch.size(), failure);
    }

    private static SendResult perEvent(List<Message> batch, JsonNode json, boolean noneAccepted) {
        JsonNode failedEvents = json.get("failed_events");
        boolean named = failedEvents != null && failedEvents.isObject();
        SendResult.Builder result = SendResult.builder(batch.size());
        Failure unnamed = null;
        for (int i = 0; i < batch.size(); i++) {
            String reason = named ? LotusJson.text(failedEvents, batch.get(i).id().toString()) : null;
            if (reason != null) {
                if (reason.startsWith(KAFKA_FAILURE)) {
                    result.retry(i, Failure.of("produce_failed", reason));
                } else {
                    result.failed(i, Failure.of("rejected", reason));
                }
            } else if (noneAccepted) {
                unnamed = unnamed != null ? unnamed : Failure.of("rejected", "Lotus accepted no event of the batch: "
                        + TransportFailures.truncate(named ? failedEvents.toString() : json.toString()));
                result.failed(i, unnamed);
            }
        }
        return result.build();
    }
}
