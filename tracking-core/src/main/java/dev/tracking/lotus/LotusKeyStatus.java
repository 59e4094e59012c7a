package dev.tracking.lotus;

import dev.tracking.http.HttpReply;
import java.util.Locale;

/**
 * Whether the Lotus server refuses the API key, as the last call that could tell said, shared by the client and
 * the destination so that a key refused on the access endpoints shows in the destination's stats (and so in health
 * and metrics) as it does for ingestion. The access endpoints answer a bad key with a plain-text
 * {@code 400 Invalid API key}; other endpoints with 401 or 403.
 */
final class LotusKeyStatus {

    private volatile boolean rejected;

    /** Notes what {@code reply} says about the key. */
    void observe(HttpReply reply) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            rejected = false;
        } else if (status == 401 || status == 403 || status == 400 && isApiKeyText(reply.bodyText())) {
            rejected = true;
        }
    }

    boolean rejected() {
        return rejected;
    }

    /** Whether {@code body} is the plain-text answer to a bad key (not a JSON problem that mentions one). */
    static boolean isApiKeyText(String body) {
        String text = body.strip();
        return !text.startsWith("{") && text.toLowerCase(Locale.ROOT).contains("api key");
    }
}
