package dev.tracking.billing;

import dev.tracking.internal.check.Arguments;

/**
 * How to cancel a subscription.
 *
 * <p>Ending it now ({@code revokeAccessNow}) uses Lotus's cancel options: how the flat fee is charged
 * ({@link FlatFee}, pro rata by default), whether usage not yet billed is billed ({@link UsageBilling}, in full by
 * default) and, with {@code billNow}, an invoice now instead of adding it to the next invoice. Otherwise the
 * subscription stops renewing and keeps access until its end date, billed as usual; the fee and usage settings
 * then do not apply.
 *
 * @param revokeAccessNow end the subscription now; when false it stops renewing and keeps access until its end date
 * @param billNow invoice what is owed now instead of adding it to the next invoice
 * @param flatFee how the flat fee is charged when it ends now
 * @param usage whether usage not yet billed is billed when it ends now
 */
public record CancelOptions(boolean revokeAccessNow, boolean billNow, FlatFee flatFee, UsageBilling usage) {

    /** How the flat fee of a subscription ended now is charged (Lotus {@code flat_fee_behavior}). */
    public enum FlatFee {
        /** The flat fee is not charged ({@code refund}). */
        REFUND("refund"),
        /** The part of the flat fee for the time used ({@code charge_prorated}). */
        CHARGE_PRORATED("charge_prorated"),
        /** The whole flat fee, whatever the time used ({@code charge_full}). */
        CHARGE_FULL("charge_full");

        private final String wireName;

        FlatFee(String wireName) {
            this.wireName = wireName;
        }

        /** The value Lotus takes. */
        public String wireName() {
            return wireName;
        }
    }

    /** Whether usage not yet billed is billed when a subscription ends now (Lotus {@code usage_behavior}). */
    public enum UsageBilling {
        /** Bill it ({@code bill_full}). */
        BILL_FULL("bill_full"),
        /** Drop it from the invoice ({@code bill_none}). */
        BILL_NONE("bill_none");

        private final String wireName;

        UsageBilling(String wireName) {
            this.wireName = wireName;
        }

        /** The value Lotus takes. */
        public String wireName() {
            return wireName;
        }
    }

    public CancelOptions {
        Arguments.requireNonNull("flatFee", flatFee);
        Arguments.requireNonNull("usage", usage);
    }

    /** Options with the flat fee charged pro rata and usage billed in full when it ends now. */
    public CancelOptions(boolean revokeAccessNow, boolean billNow) {
        this(revokeAccessNow, billNow, FlatFee.CHARGE_PRORATED, UsageBilling.BILL_FULL);
    }

    /** Stop renewing, keep access until the end date, bill with the next invoice. */
    public static CancelOptions atPeriodEnd() {
        return new CancelOptions(false, false);
    }

    /** End now and bill now: the flat fee pro rata, usage in full. */
    public static CancelOptions immediately() {
        return new CancelOptions(true, true);
    }

    /** The same options with the flat fee charged as {@code value} when it ends now. */
    public CancelOptions withFlatFee(FlatFee value) {
        return new CancelOptions(revokeAccessNow, billNow, value, usage);
    }

    /** The same options with usage billed as {@code value} when it ends now. */
    public CancelOptions withUsage(UsageBilling value) {
        return new CancelOptions(revokeAccessNow, billNow, flatFee, value);
    }

    /** The same options invoicing now ({@code true}) or with the next invoice. */
    public CancelOptions withBillNow(boolean value) {
        return new CancelOptions(revokeAccessNow, value, flatFee, usage);
    }
}
