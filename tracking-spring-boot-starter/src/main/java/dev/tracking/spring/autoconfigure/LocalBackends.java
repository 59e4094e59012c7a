package dev.tracking.spring.autoconfigure;

import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalBackendBuilder;
import dev.tracking.local.LocalPlan;
import java.util.function.Supplier;

/**
 * Creates the embedded local backend from the plans and customers under {@code tracking.local}; public for the
 * test support, which backs a recording tracker's {@code billing()} with it.
 */
public final class LocalBackends {

    private LocalBackends() {
    }

    /**
     * The backend with every configured plan and customer (each customer with a plan subscribed from now).
     *
     * @throws InvalidTrackingPropertyException naming the property when a plan or customer is refused
     */
    public static LocalBackend create(LocalProperties properties) {
        TrackingPropertiesValidator.validateLocal(properties);
        LocalBackendBuilder builder = LocalBackend.builder();
        properties.getPlans().forEach((id, plan) -> configure("tracking.local.plans." + id,
                () -> builder.plan(LocalPlan.of(id).features(plan.getFeatures()).limits(plan.getLimits()))));
        properties.getCustomers().forEach((id, customer) -> configure("tracking.local.customers." + id,
                () -> builder.customer(id, customer.getName(), customer.getEmail(), blankToNull(customer.getPlan()))));
        return configure("tracking.local.customers", builder::build);
    }

    /** Runs one step of the configuration; a refusal becomes an error naming {@code property}. */
    private static <T> T configure(String property, Supplier<T> step) {
        try {
            return step.get();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidTrackingPropertyException(property, property + ": " + ex.getMessage(),
                    "Correct " + property + ".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
