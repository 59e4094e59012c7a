package dev.tracking.spring.autoconfigure;

/** Settings under {@code tracking.aspects}: the aspects behind @GateOnFeature, @BillingStage and @TrackEvent. */
public class AspectsProperties {

    /** Whether the tracking annotations are given behaviour. */
    private boolean enabled = true;

    /** Order of the @GateOnFeature aspect; lower runs further out (inside method security at 200-500). */
    private int gateOrder = 1000;

    /** Order of the @BillingStage aspect; by default inside the gate and outside tracking and transactions. */
    private int billingStageOrder = 1100;

    /** Order of the @TrackEvent aspect; by default inside the gate and billing stage, outside transactions. */
    private int trackOrder = 1200;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getGateOrder() {
        return gateOrder;
    }

    public void setGateOrder(int gateOrder) {
        this.gateOrder = gateOrder;
    }

    public int getBillingStageOrder() {
        return billingStageOrder;
    }

    public void setBillingStageOrder(int billingStageOrder) {
        this.billingStageOrder = billingStageOrder;
    }

    public int getTrackOrder() {
        return trackOrder;
    }

    public void setTrackOrder(int trackOrder) {
        this.trackOrder = trackOrder;
    }
}
