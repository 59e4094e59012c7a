package dev.tracking.billing;

/**
 * How to move a subscription to another plan (Lotus {@code switch_plan}).
 *
 * @param invoiceNow invoice the prorated difference between the old and the new plan now ({@code invoice_now},
 *     Lotus's default) instead of working it out at the end of the period ({@code add_to_next_invoice})
 * @param transferUsage carry the usage so far over to the new plan ({@code transfer_to_new_subscription}, Lotus's
 *     default) instead of starting it at 0 and billing the old usage on the old plan ({@code keep_separate})
 */
public record SwitchPlanOptions(boolean invoiceNow, boolean transferUsage) {

    /** Lotus's defaults: prorated difference invoiced now, usage carried over. */
    public static SwitchPlanOptions defaults() {
        return new SwitchPlanOptions(true, true);
    }

    /** The same options invoicing the difference now ({@code true}) or with the next invoice. */
    public SwitchPlanOptions withInvoiceNow(boolean value) {
        return new SwitchPlanOptions(value, transferUsage);
    }

    /** The same options carrying usage over ({@code true}) or keeping it on the old plan. */
    public SwitchPlanOptions withTransferUsage(boolean value) {
        return new SwitchPlanOptions(invoiceNow, value);
    }
}
