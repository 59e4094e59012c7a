package dev.tracking.spring.autoconfigure;

import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalPlan;

/** Creates the embedded local backend from the plans and customers under {@code tracking.local}. */
final class LocalBackends {

    private LocalBackends() {
    }

    /**
     * The backend with every configured plan and customer (each customer with a plan subscribed from now).
     *
     * @throws InvalidTrackingPropertyException naming the property when a plan or customer is refused
     */
    static LocalBackend create(LocalProperties properties) {
        TrackingPropertiesValidator.validateLocal(properties);
        LocalBackend.Builder builder = LocalBackend.builder();
        try {
            properties.getPlans().forEach((id, plan) -> builder.plan(LocalPlan.of(id)
                    .features(plan.getFeatures()).limits(plan.getLimits())));
            properties.getCustomers().forEach((id, customer) -> builder.customer(id, customer.getName(),
                    customer.getEmail(), blankToNull(customer.getPlan())));
            return builder.build();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidTrackingPropertyException("tracking.local", "tracking.local." + ex.getMessage(),
                    "Correct the plans and customers under tracking.local.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
