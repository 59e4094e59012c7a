package dev.tracking.billing;

/**
 * How to cancel a subscription.
 *
 * @param revokeAccessNow end the subscription now; when false it stops renewing and keeps access until its end date
 * @param billNow invoice what is owed now instead of adding it to the next invoice
 */
public record CancelOptions(boolean revokeAccessNow, boolean billNow) {

    /** Stop renewing, keep access until the end date, bill with the next invoice. */
    public static CancelOptions atPeriodEnd() {
        return new CancelOptions(false, false);
    }

    /** End now and bill now. */
    public static CancelOptions immediately() {
        return new CancelOptions(true, true);
    }
}
