package dev.tracking.local;

import dev.tracking.billing.Customer;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the read-back snapshots from the backend's parts. */
final class StateReader {

    private final Clock clock;
    private final LocalBilling billing;
    private final UsageLedger usage;
    private final ActivityBook activity;
    private final MessageRecorder recorder;
    private final RecentEvents recent;

    StateReader(Clock clock, LocalBilling billing, UsageLedger usage, ActivityBook activity,
            MessageRecorder recorder, RecentEvents recent) {
        this.clock = clock;
        this.billing = billing;
        this.usage = usage;
        this.activity = activity;
        this.recorder = recorder;
        this.recent = recent;
    }

    Optional<CustomerState> customer(String customerId) {
        Instant now = clock.instant();
        boolean seen = billing.knows(customerId) || activity.customer(customerId) != null
                || usage.customers(UtcMonths.of(clock.instant())).contains(customerId);
        return seen ? Optional.of(customer(customerId, now)) : Optional.empty();
    }

    List<CustomerState> customers() {
        Instant now = clock.instant();
        return customerIds().stream().map(id -> customer(id, now)).toList();
    }

    List<UserState> users() {
        List<UserState> users = new ArrayList<>();
        activity.users().forEach((key, latest) -> users.add(
                new UserState(key, latest.identify(), latest.activation())));
        return List.copyOf(users);
    }

    LocalTotals totals() {
        return new LocalTotals(recorder.received(RecordedEvent.TRACK) + recorder.received(RecordedEvent.IDENTIFY)
                + recorder.received(RecordedEvent.ACTIVATION) + recorder.received(RecordedEvent.BILLING_STATUS),
                recorder.received(RecordedEvent.TRACK), recorder.received(RecordedEvent.IDENTIFY),
                recorder.received(RecordedEvent.ACTIVATION), recorder.received(RecordedEvent.BILLING_STATUS),
                recorder.notCounted(), customerIds().size(), activity.userCount(), recent.size(), recent.capacity());
    }

    List<LocalPlan> plans() {
        return List.copyOf(new TreeMap<>(billing.plans()).values());
    }

    LocalSnapshot snapshot() {
        Instant now = clock.instant();
        return new LocalSnapshot(now, UtcMonths.of(now).toString(), plans(), totals(), customers(), users(),
                recent.newestFirst(recent.capacity()));
    }

    private Set<String> customerIds() {
        Set<String> ids = new TreeSet<>(billing.customerIds());
        ids.addAll(activity.customerIds());
        ids.addAll(usage.customers(UtcMonths.of(clock.instant())));
        return ids;
    }

    private CustomerState customer(String customerId, Instant now) {
        YearMonth month = UtcMonths.of(now);
        Optional<Customer> customer = billing.getCustomer(customerId);
        List<LocalPlan> plans = billing.activePlans(customerId, now);
        Set<String> features = new LinkedHashSet<>();
        plans.forEach(plan -> features.addAll(plan.features()));
        LatestActivity latest = activity.customer(customerId);
        RecordedEvent status = latest == null ? null : latest.billingStatus();
        return new CustomerState(customerId, customer.isPresent(), customer.map(Customer::name).orElse(null),
                customer.map(Customer::email).orElse(null), plans.stream().map(LocalPlan::id).toList(),
                List.copyOf(features), billing.listSubscriptions(customerId),
                status == null ? null : status.name(), status == null ? null : status.timestamp(),
                month.toString(), meteredUsage(customerId, month, plans),
                latest == null ? null : latest.identify(), latest == null ? null : latest.activation());
    }

    private List<MeteredUsage> meteredUsage(String customerId, YearMonth month, List<LocalPlan> plans) {
        Map<String, Long> used = new TreeMap<>(usage.usageIn(customerId, month));
        plans.forEach(plan -> plan.limits().keySet().forEach(event -> used.putIfAbsent(event, 0L)));
        return used.entrySet().stream().map(entry -> new MeteredUsage(entry.getKey(), entry.getValue(),
                plans.isEmpty() ? null : LocalEntitlements.mostGenerousLimit(plans, entry.getKey()))).toList();
    }
}
