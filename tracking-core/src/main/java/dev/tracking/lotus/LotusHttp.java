package dev.tracking.lotus;

import dev.tracking.http.ApacheHttpSender;
import dev.tracking.http.HttpBody;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpRequest;
import dev.tracking.http.HttpSender;
import dev.tracking.internal.http.Urls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The HTTP side of one Lotus server, shared by the client and the destination: the {@code X-API-KEY} header,
 * the request timeout, and one warning when the base or ingest URL is plain {@code http://} to another host.
 * Bodies are never compressed: Lotus event ingestion does not accept gzip.
 *
 * <p>A sender it made itself is its own and {@link #close()} closes it (the tracker does, through the destination);
 * a sender it was given belongs to the caller. Each request runs in the thread that makes it.
 */
final class LotusHttp implements AutoCloseable {

    private final HttpSender sender;
    private final boolean ownsSender;
    private final String apiKey;
    private final Duration requestTimeout;

    /** Sends through a sender of its own, made from {@code http}, which {@link #close()} closes. */
    LotusHttp(LotusOptions options, HttpOptions http, Duration connectTimeout, Duration requestTimeout) {
        this(options, ApacheHttpSender.create("lotus", http, connectTimeout), true, requestTimeout);
    }

    LotusHttp(LotusOptions options, Duration connectTimeout, Duration requestTimeout) {
        this(options, HttpOptions.defaults(), connectTimeout, requestTimeout);
    }

    /** Sends through the caller's {@code sender}, which {@link #close()} leaves open. */
    LotusHttp(LotusOptions options, HttpSender sender, Duration requestTimeout) {
        this(options, sender, false, requestTimeout);
    }

    private LotusHttp(LotusOptions options, HttpSender sender, boolean ownsSender, Duration requestTimeout) {
        this.sender = sender;
        this.ownsSender = ownsSender;
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

    /** Closes the sender when it is this object's own; later requests fail with an {@link IOException}. */
    @Override
    public void close() {
        if (ownsSender) {
            sender.close();
        }
    }
}
