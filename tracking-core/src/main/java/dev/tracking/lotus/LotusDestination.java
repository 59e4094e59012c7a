package dev.tracking.lotus;

import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.http.HttpReply;
import dev.tracking.internal.http.TransportFailures;
import dev.tracking.internal.http.Urls;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends usage events to Lotus in batches ({@code POST {ingestUrl}/api/track/}), named {@code lotus}.
 *
 * <p>Takes only {@link TrackMessage}s that name a customer: others are skipped as {@code not_a_usage_event} or
 * {@code no_customer_id}. An event more than 30 days old or more than a day ahead is refused at the call, as the
 * server would reject it. Each event's {@code idempotency_id} is the message id, so a retry is deduplicated.
 * See {@link LotusTrackResponses} for how answers are read and {@link LotusEncoder} for the body.
 */
public final class LotusDestination implements Destination {

    /**
     * The most events per request. Lotus accepts bodies up to 20 MB and dedupes per event, so large batches cost
     * nothing in correctness; 1,000 events (a few hundred KB) keep the request count low at high rates while the
     * server's per-event work stays well inside one request timeout and a retried request stays small.
     */
    public static final int MAX_BATCH_SIZE = 1000;

    private static final long MAX_AGE_SECONDS = Duration.ofDays(30).toSeconds();
    private static final long MAX_AHEAD_SECONDS = Duration.ofDays(1).toSeconds();

    private final LotusHttp http;
    private final URI trackUrl;
    private final Clock clock;
    private final Runnable onClose;
    private final LotusKeyStatus keyStatus;
    private final ThreadLocal<LotusEncoder> encoders = ThreadLocal.withInitial(LotusEncoder::new);

    LotusDestination(LotusOptions options, LotusHttp http, Clock clock, Runnable onClose) {
        this(options, http, clock, onClose, new LotusKeyStatus());
    }

    LotusDestination(LotusOptions options, LotusHttp http, Clock clock, Runnable onClose, LotusKeyStatus keyStatus) {
        this.http = http;
        this.trackUrl = URI.create(Urls.withoutTrailingSlash(options.ingestUrl()) + "/api/track/");
        this.clock = clock;
        this.onClose = onClose;
        this.keyStatus = keyStatus;
    }

    /** Whether a call of the client sharing this server (an access check, say) found the API key refused. */
    @Override
    public boolean credentialsRejected() {
        return keyStatus.rejected();
    }

    @Override
    public String name() {
        return "lotus";
    }

    @Override
    public void validate(Message message) {
        if (message instanceof TrackMessage event && event.identity().customerId() != null) {
            Instant at = event.timestamp();
            if (!withinWindow(at, clock.millis())) {
                throw new IllegalArgumentException("timestamp must be within 30 days before and 1 day after now "
                        + "for Lotus, was " + at);
            }
        }
    }

    private static boolean withinWindow(Instant at, long nowMillis) {
        long seconds = at.getEpochSecond();
        long nowSeconds = Math.floorDiv(nowMillis, 1000);
        if (seconds < nowSeconds - MAX_AGE_SECONDS - 1 || seconds > nowSeconds + MAX_AHEAD_SECONDS + 1) {
            return false;
        }
        long millis = at.toEpochMilli();
        return millis >= nowMillis - MAX_AGE_SECONDS * 1000 && millis <= nowMillis + MAX_AHEAD_SECONDS * 1000;
    }

    @Override
    public String skipReason(Message message) {
        if (!(message instanceof TrackMessage)) {
            return "not_a_usage_event";
        }
        return message.identity().customerId() == null ? "no_customer_id" : null;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH_SIZE;
    }

    /** Two requests at once, each from its own sender thread with its own encoder. */
    @Override
    public int maxConcurrentSends() {
        return 2;
    }

    @Override
    public SendResult send(List<Message> batch) throws InterruptedException {
        HttpReply response;
        try {
            LotusEncoder encoder = encoders.get();
            int length = encoder.encodeEvents(batch);
            response = http.postEvents(trackUrl, encoder.bytes(), length);
            keyStatus.observe(response);
        } catch (IOException e) {
            return SendResult.retry(batch.size(), TransportFailures.fromException(e), null);
        }
        return LotusTrackResponses.classify(batch, response, clock);
    }

    @Override
    public void close() {
        onClose.run();
    }
}
