package dev.tracking.spring.autoconfigure;

import dev.tracking.local.LocalBackend;
import dev.tracking.local.LocalBackendBuilder;
import dev.tracking.local.LocalPlan;
import dev.tracking.local.LocalStore;
import dev.tracking.local.jdbc.LocalStoreException;
import java.util.function.Supplier;

/**
 * Creates the embedded local backend from the plans and customers under {@code tracking.local}; public for the
 * test support, which backs a recording tracker's {@code billing()} with it.
 */
public final class LocalBackends {

    private LocalBackends() {
    }

    /**
     * The backend in memory with every configured plan and customer (each customer with a plan subscribed from now).
     *
     * @throws InvalidTrackingPropertyException naming the property when a plan or customer is refused
     */
    public static LocalBackend create(LocalProperties properties) {
        return create(properties, LocalStore.inMemory());
    }

    /**
     * The backend on {@code store} with every configured plan, and every configured customer the store does not
     * have yet (subscribed from now to its plan); a stored customer keeps what billing changed.
     *
     * @throws InvalidTrackingPropertyException naming the property when a plan or customer is refused
     */
    static LocalBackend create(LocalProperties properties, LocalStore store) {
        TrackingPropertiesValidator.validateLocal(properties);
        LocalBackendBuilder builder = LocalBackend.builder().store(store);
        configure("tracking.local.jdbc.cache-ttl", () -> builder.accountCacheTtl(properties.getJdbc().getCacheTtl()));
        properties.getPlans().forEach((id, plan) -> configure("tracking.local.plans." + id,
                () -> builder.plan(LocalPlan.of(id).features(plan.getFeatures()).limits(plan.getLimits()))));
        properties.getCustomers().forEach((id, customer) -> configure("tracking.local.customers." + id,
                () -> builder.customer(id, customer.getName(), customer.getEmail(), blankToNull(customer.getPlan()))));
        try {
            return configure("tracking.local.customers", builder::build);
        }
        catch (LocalStoreException ex) {
            throw new InvalidTrackingPropertyException("tracking.local.jdbc.initialize-schema",
                    "The local backend could not store the configured customers: " + ex.getMessage(),
                    "Create the tables with the script dev/tracking/local/jdbc/schema-<database>.sql of tracking-core"
                            + " (e.g. in a Flyway or Liquibase migration), or set"
                            + " tracking.local.jdbc.initialize-schema=always.");
        }
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
