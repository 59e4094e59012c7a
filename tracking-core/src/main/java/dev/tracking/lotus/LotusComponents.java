package dev.tracking.lotus;

import dev.tracking.DeliveryOptions;
import dev.tracking.EntitlementOptions;
import dev.tracking.access.CachedEntitlements;
import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.http.HttpOptions;
import dev.tracking.http.HttpSender;
import dev.tracking.internal.check.Arguments;
import dev.tracking.spi.Destination;
import dev.tracking.spi.UsageObserver;
import java.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The parts a tracker needs to talk to Lotus: the event destination, the access checks ({@link LotusEntitlements}
 * behind a {@link CachedEntitlements}) and the customer/subscription calls, sharing one HTTP client.
 *
 * <p>The entitlements are also the {@link UsageObserver} the tracker tells of every usage event. Closing the
 * destination (the tracker does it when it closes) ends everything these parts started: the background refreshes
 * and, when the parts made it, the HTTP sender. After that the client and billing fail with status 0, and access
 * checks answer from the cache or by the no-answer policy.
 */
public record LotusComponents(Destination destination, Entitlements entitlements, Billing billing, LotusClient client) {

    private static final int REFRESH_THREADS = 4;
    private static final int REFRESH_QUEUE = 1000;

    /** Creates the Lotus parts for {@code options}, with an HTTP sender of their own (default options). */
    public static LotusComponents create(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock) {
        return create(options, delivery, entitlementOptions, clock, HttpOptions.defaults());
    }

    /** Creates the Lotus parts for {@code options}, with an HTTP sender of their own made from {@code http}. */
    public static LotusComponents create(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock, HttpOptions http) {
        Arguments.requireNonNull("http", http);
        return assemble(options, delivery, entitlementOptions, clock,
                timeouts -> new LotusHttp(options, http, timeouts.connectTimeout(), timeouts.httpTimeout()));
    }

    /**
     * Creates the Lotus parts for {@code options}, sending through {@code sender}, which stays the caller's: it is
     * not closed with the tracker.
     */
    public static LotusComponents create(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock, HttpSender sender) {
        Arguments.requireNonNull("sender", sender);
        return assemble(options, delivery, entitlementOptions, clock,
                timeouts -> new LotusHttp(options, sender, timeouts.httpTimeout()));
    }

    private static LotusComponents assemble(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock, Function<DeliveryOptions, LotusHttp> transport) {
        Arguments.requireNonNull("options", options);
        Arguments.requireNonNull("delivery", delivery);
        Arguments.requireNonNull("entitlementOptions", entitlementOptions);
        Arguments.requireNonNull("clock", clock);
        LotusHttp http = transport.apply(delivery);
        LotusKeyStatus keyStatus = new LotusKeyStatus();
        LotusClient client = new LotusClient(options, http, clock, keyStatus);
        ThreadPoolExecutor refresher = refreshExecutor();
        CachedEntitlements entitlements = CachedEntitlements.over(new LotusEntitlements(client), entitlementOptions,
                refresher);
        Runnable stop = () -> {
            refresher.shutdownNow();
            http.close();
        };
        LotusDestination destination = new LotusDestination(options, http, clock, stop, keyStatus);
        return new LotusComponents(destination, entitlements, new LotusBilling(client, entitlements), client);
    }

    private static ThreadPoolExecutor refreshExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(REFRESH_THREADS, REFRESH_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(REFRESH_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "tracking-lotus-access-refresh-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
