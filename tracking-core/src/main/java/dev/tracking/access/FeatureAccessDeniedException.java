package dev.tracking.access;

/** Thrown when a gated call is denied; carries the {@link AccessDecision} that denied it. */
public class FeatureAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AccessDecision decision;

    public FeatureAccessDeniedException(AccessDecision decision) {
        super(describe(decision));
        this.decision = decision;
    }

    /** The decision that denied access. */
    public AccessDecision decision() {
        return decision;
    }

    private static String describe(AccessDecision d) {
        String what = d.feature() != null ? "feature '" + d.feature() + "'" : "event '" + d.event() + "'";
        String text = "Customer '" + d.customerId() + "' may not use " + what + ": " + d.reason();
        if (d.usage() != null && d.limit() != null) {
            text += " (usage " + d.usage().toPlainString() + " of " + d.limit().toPlainString() + ")";
        }
        return text;
    }
}
