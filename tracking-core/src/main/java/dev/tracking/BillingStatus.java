package dev.tracking;

/** A customer's billing lifecycle status, reported with {@link Tracker#billingStatus(BillingStatusMessage)}. */
public enum BillingStatus {
    TRIALING, PAID, CHURNED;

    /** The lower-case name the wire protocols use. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
