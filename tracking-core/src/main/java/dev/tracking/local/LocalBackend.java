package dev.tracking.local;

import dev.tracking.Message;
import dev.tracking.access.AccessDecision;
import dev.tracking.access.Entitlements;
import dev.tracking.access.OnNoAnswer;
import dev.tracking.billing.Billing;
import dev.tracking.billing.CancelOptions;
import dev.tracking.billing.Customer;
import dev.tracking.billing.Subscription;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Placeholder: the embedded backend. */
public final class LocalBackend implements Destination, Entitlements, Billing {

    public static Builder builder() {
        return new Builder();
    }

    /** Placeholder builder. */
    public static final class Builder {
        public LocalBackend build() {
            return new LocalBackend();
        }
    }

    @Override public String name() { return "local"; }
    @Override public String skipReason(Message message) { return null; }
    @Override public SendResult send(List<Message> batch) { return SendResult.delivered(batch.size()); }
    @Override public AccessDecision checkFeature(String c, String f) { throw new UnsupportedOperationException(); }
    @Override public AccessDecision checkFeature(String c, String f, OnNoAnswer o) { throw new UnsupportedOperationException(); }
    @Override public AccessDecision checkEvent(String c, String e) { throw new UnsupportedOperationException(); }
    @Override public AccessDecision checkEvent(String c, String e, OnNoAnswer o) { throw new UnsupportedOperationException(); }
    @Override public Customer createCustomer(Customer customer) { throw new UnsupportedOperationException(); }
    @Override public Optional<Customer> getCustomer(String customerId) { throw new UnsupportedOperationException(); }
    @Override public Subscription createSubscription(String c, String p, Instant s) { throw new UnsupportedOperationException(); }
    @Override public List<Subscription> listSubscriptions(String c) { throw new UnsupportedOperationException(); }
    @Override public Subscription cancelSubscription(String c, String s, CancelOptions o) { throw new UnsupportedOperationException(); }
}
