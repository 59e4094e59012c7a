package dev.tracking.billing;

import dev.tracking.internal.check.Arguments;
import dev.tracking.value.PropertyValues;
import java.util.Map;

/** A billed customer (account): id, display name, email and free-form properties. */
public record Customer(String customerId, String name, String email, Map<String, Object> properties) {

    public Customer {
        Arguments.requireText("customerId", customerId);
        properties = PropertyValues.copyOf("properties", properties);
    }

    /** A customer with no properties. */
    public static Customer of(String customerId, String name, String email) {
        return new Customer(customerId, name, email, Map.of());
    }
}
