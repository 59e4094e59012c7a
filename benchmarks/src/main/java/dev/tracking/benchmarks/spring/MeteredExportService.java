package dev.tracking.benchmarks.spring;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;

/**
 * The same small tracked method behind two gates: a feature gate (answered from the local backend's cached
 * account) and a metered gate (one unit of the monthly {@value #EVENT} limit reserved per call).
 */
public class MeteredExportService {

    /** The metered event, recorded by both methods. */
    public static final String EVENT = "report_exported";

    /** The feature the feature-gated method needs. */
    public static final String FEATURE = "sso";

    /** Runs when the customer's plan includes {@value #FEATURE}; records {@value #EVENT}. */
    @GateOnFeature(feature = FEATURE, customerId = "#customerId")
    @TrackEvent(value = EVENT, customerId = "#customerId", property = @EventProperty(name = "format", value = "#format"))
    public int exportWithFeatureGate(String customerId, String format) {
        return customerId.length() + format.length();
    }

    /** Runs when the customer has one more {@value #EVENT} left this month, and records it. */
    @GateOnFeature(event = EVENT, customerId = "#customerId")
    @TrackEvent(value = EVENT, customerId = "#customerId", property = @EventProperty(name = "format", value = "#format"))
    public int exportMetered(String customerId, String format) {
        return customerId.length() + format.length();
    }
}
