package dev.tracking.lotus;

import dev.tracking.http.ApacheHttpSender;
import dev.tracking.http.HttpBody;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpRequest;
import dev.tracking.http.HttpSender;
import dev.tracking.internal.transport.Urls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The HTTP side of one Lotus server, shared by the client and the destination: the {@code X-API-KEY} header,
 * the request timeout, and one warning when the base or ingest URL is plain {@code http://} to another host.
 * Bodies are never compressed: Lotus event ingestion does not accept gzip.
 *
 * <p>The sender is not closed with the tracker's destination: the client, billing and access checks keep
 * working after the tracker closes. It has no threads of its own: each request runs in the thread that makes it.
 */
final class LotusHttp {

    private final HttpSender sender;
    private final String apiKey;
    private final Duration requestTimeout;

    LotusHttp(LotusOptions options, Duration connectTimeout, Duration requestTimeout) {
        this(options, ApacheHttpSender.create("lotus", HttpOptions.defaults(), connectTimeout), requestTimeout);
    }

    LotusHttp(LotusOptions options, HttpSender sender, Duration requestTimeout) {
        this.sender = sender;
        this.apiKey = options.apiKey();
        this.requestTimeout = requestTimeout;
        URI base = options.baseUrl();
        URI ingest = options.ingestUrl();
        Urls.warnIfPlainHttp("Lotus", base);
        if (!ingest.getScheme().equals(base.getScheme()) || !ingest.getHost().equalsIgnoreCase(base.getHost())) {
            Urls.warnIfPlainHttp("Lotus event ingestion", ingest);
        }
    }

    HttpReply get(URI uri) throws IOException, InterruptedException {
        return sender.send(HttpRequest.get(uri, requestTimeout).withHeader("X-API-KEY", apiKey));
    }

    /** POSTs a request that changes something (a customer, a subscription): it is never sent twice. */
    HttpReply post(URI uri, byte[] json) throws IOException, InterruptedException {
        return sender.send(HttpRequest.post(uri, HttpBody.json(json, json.length), false, requestTimeout)
                .withHeader("X-API-KEY", apiKey));
    }

    /** POSTs a batch of events, which may be sent again: Lotus drops duplicates by {@code idempotency_id}. */
    HttpReply postEvents(URI uri, byte[] json, int length) throws IOException, InterruptedException {
        return sender.send(HttpRequest.post(uri, HttpBody.json(json, length), true, requestTimeout)
                .withHeader("X-API-KEY", apiKey));
    }
}
