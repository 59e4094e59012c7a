package dev.tracking.spring.autoconfigure;

/** Settings under {@code tracking.health}: the actuator health component "tracking". */
public class HealthProperties {

    /** Consecutive failed requests to one destination after which the component reports DOWN. */
    private int failureThreshold = 5;

    public int getFailureThreshold() {
        return failureThreshold;
    }

    public void setFailureThreshold(int failureThreshold) {
        this.failureThreshold = failureThreshold;
    }
}
