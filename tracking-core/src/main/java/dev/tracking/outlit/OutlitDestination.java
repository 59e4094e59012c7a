package dev.tracking.outlit;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.DeliveryOptions;
import dev.tracking.Message;
import dev.tracking.http.ApacheHttpSender;
import dev.tracking.http.HttpBody;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpReply;
import dev.tracking.http.HttpRequest;
import dev.tracking.http.HttpSender;
import dev.tracking.internal.http.Urls;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends messages to Outlit's ingest API, {@code POST {apiHost}/api/i/v1/{publicKey}/events}, at most 100 events
 * per request. By default it speaks today's contract ({@link OutlitProtocol#CURRENT}): user stages and billing
 * statuses are custom events, and {@link #validate} refuses at the call what that contract rejects (trait values
 * that are not a string, number, boolean or null; an email the contract's pattern refuses). With
 * {@link OutlitProtocol#LEGACY_V1} they are Outlit 1.x {@code stage}/{@code billing} events, sent in requests of
 * their own so that a server which rejects them cannot take ordinary events down too. When a successful reply
 * says the rate-limit window is used up
 * ({@code X-RateLimit-Remaining: 0}), the next request waits for {@code X-RateLimit-Reset} (at most the retry
 * policy's {@code deliveryTimeout}). With {@link HttpOptions#gzip()} request bodies are sent gzip-compressed.
 */
public final class OutlitDestination implements Destination {

    /** Outlit accepts at most this many events per request. */
    public static final int MAX_EVENTS_PER_REQUEST = 100;

    private static final int ORDINARY = 0;
    private static final int LIFECYCLE = 1;

    private final OutlitOptions options;
    private final URI endpoint;
    private final Duration timeout;
    private final Clock clock;
    private final HttpSender sender;
    private final boolean ownsSender;
    private final boolean gzip;
    private final ThreadLocal<OutlitEncoder> encoders;
    private final RateLimitWindow rateLimit;

    /** Creates the destination for {@code options}, with the timeouts of {@code delivery}. */
    public OutlitDestination(OutlitOptions options, DeliveryOptions delivery, Clock clock) {
        this(options, delivery, clock, HttpOptions.defaults());
    }

    /** Creates the destination, sending with its own {@link ApacheHttpSender} configured by {@code http}. */
    public OutlitDestination(OutlitOptions options, DeliveryOptions delivery, Clock clock, HttpOptions http) {
        this(options, delivery, clock, ApacheHttpSender.create("outlit", http, delivery.connectTimeout()), true,
                http.gzip());
    }

    /** Creates the destination, sending through {@code sender}, which it does not close. */
    public OutlitDestination(OutlitOptions options, DeliveryOptions delivery, Clock clock, HttpSender sender) {
        this(options, delivery, clock, sender, false, false);
    }

    private OutlitDestination(OutlitOptions options, DeliveryOptions delivery, Clock clock, HttpSender sender,
            boolean ownsSender, boolean gzip) {
        this.options = options;
        this.endpoint = URI.create(Urls.withoutTrailingSlash(options.apiHost()) + "/api/i/v1/"
                + Urls.pathSegment(options.publicKey()) + "/events");
        this.timeout = delivery.httpTimeout();
        this.clock = clock;
        this.sender = sender;
        this.ownsSender = ownsSender;
        this.gzip = gzip;
        this.encoders = ThreadLocal.withInitial(() -> new OutlitEncoder(options.protocol()));
        this.rateLimit = new RateLimitWindow(clock, delivery.retry().deliveryTimeout());
        Urls.warnIfPlainHttp("Outlit", options.apiHost());
    }

    @Override
    public String name() {
        return "outlit";
    }

    /** Refuses, naming the field, what the server's contract would reject. */
    @Override
    public void validate(Message message) {
        OutlitChecks.validate(message, options.protocol());
    }

    /** Every message type the tracker builds carries the identity Outlit needs, so none is skipped. */
    @Override
    public String skipReason(Message message) {
        return null;
    }

    @Override
    public int requestGroup(Message message) {
        boolean lifecycle = message instanceof ActivationMessage || message instanceof BillingStatusMessage;
        return lifecycle && options.legacy() ? LIFECYCLE : ORDINARY;
    }

    @Override
    public int maxBatchSize() {
        return MAX_EVENTS_PER_REQUEST;
    }

    /** Two requests at once, each from its own sender thread with its own encoder. */
    @Override
    public int maxConcurrentSends() {
        return 2;
    }

    @Override
    public SendResult send(List<Message> batch) throws IOException, InterruptedException {
        rateLimit.awaitOpen();
        OutlitEncoder encoder = encoders.get();
        int length = encoder.encode(batch);
        HttpBody body = HttpBody.json(encoder.bytes(), length);
        HttpReply reply = sender.send(HttpRequest.post(endpoint, gzip ? HttpBody.gzip(body) : body, true, timeout));
        rateLimit.observe(reply);
        return OutlitResponses.interpret(reply, batch.size(), clock);
    }

    @Override
    public void close() {
        if (ownsSender) {
            sender.close();
        }
    }

    @Override
    public String toString() {
        return "OutlitDestination[" + options + "]";
    }
}
