package dev.tracking.lotus;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracking.DeliveryOptions;
import dev.tracking.EntitlementOptions;
import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.http.ApacheHttpSender;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpSender;
import dev.tracking.internal.Checks;
import dev.tracking.spi.Destination;
import dev.tracking.spi.UsageObserver;
import java.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts a tracker needs to talk to Lotus: the event destination, the cached access checks and the
 * customer/subscription calls, sharing one HTTP client.
 *
 * <p>The entitlements are also the {@link UsageObserver} the tracker tells of every usage event. Closing the destination (the tracker does it when it closes) stops the background
 * refreshes; the client, billing and access checks keep working, asking Lotus directly once cached answers age.
 */
public record LotusComponents(Destination destination, Entitlements entitlements, Billing billing, LotusClient client) {

    private static final int REFRESH_THREADS = 4;
    private static final int REFRESH_QUEUE = 1000;

    /** Creates the Lotus parts for {@code options}. */
    public static LotusComponents create(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock) {
        Checks.requireNonNull("delivery", delivery);
        return create(options, delivery, entitlementOptions, clock,
                ApacheHttpSender.create("lotus", HttpOptions.defaults(), delivery.connectTimeout()));
    }

    /**
     * Creates the Lotus parts for {@code options}, sending through {@code sender}, which is not closed with the
     * tracker (the client and billing keep using it).
     */
    public static LotusComponents create(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock, HttpSender sender) {
        Checks.requireNonNull("options", options);
        Checks.requireNonNull("delivery", delivery);
        Checks.requireNonNull("entitlementOptions", entitlementOptions);
        Checks.requireNonNull("clock", clock);
        Checks.requireNonNull("sender", sender);
        LotusHttp http = new LotusHttp(options, sender, delivery.httpTimeout());
        LotusKeyStatus keyStatus = new LotusKeyStatus();
        LotusClient client = new LotusClient(options, http, clock, keyStatus);
        ThreadPoolExecutor refresher = refreshExecutor();
        LotusEntitlements entitlements = new LotusEntitlements(client, entitlementOptions, Ticker.systemTicker(),
                refresher);
        LotusDestination destination = new LotusDestination(options, http, clock, refresher::shutdown, keyStatus);
        return new LotusComponents(destination, entitlements, new LotusBilling(client, entitlements), client);
    }

    private static ThreadPoolExecutor refreshExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(REFRESH_THREADS, REFRESH_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(REFRESH_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "lotus-access-refresh-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
