package dev.tracking.lotus;

import dev.tracking.DeliveryOptions;
import dev.tracking.EntitlementOptions;
import dev.tracking.access.Entitlements;
import dev.tracking.billing.Billing;
import dev.tracking.spi.Destination;
import java.time.Clock;

/**
 * The parts a tracker needs to talk to Lotus: the event destination, the cached access checks and the
 * customer/subscription calls, sharing one HTTP client.
 */
public record LotusComponents(Destination destination, Entitlements entitlements, Billing billing, LotusClient client) {

    /** Creates the Lotus parts for {@code options}. */
    public static LotusComponents create(LotusOptions options, DeliveryOptions delivery,
            EntitlementOptions entitlementOptions, Clock clock) {
        throw new UnsupportedOperationException("not built yet");
    }
}
