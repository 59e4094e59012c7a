package dev.tracking.local;

import dev.tracking.billing.Customer;
import java.util.List;

/**
 * A customer as a {@link LocalStore} keeps it: its details and every subscription, oldest first.
 *
 * @param customer the customer's id, name and email
 * @param subscriptions its subscriptions, ended ones included
 */
public record LocalAccount(Customer customer, List<LocalSubscription> subscriptions) {

    public LocalAccount {
        subscriptions = List.copyOf(subscriptions);
    }
}
