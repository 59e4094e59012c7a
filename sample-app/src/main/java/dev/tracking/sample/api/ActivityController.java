package dev.tracking.sample.api;

import dev.tracking.Identity;
import dev.tracking.local.CustomerState;
import dev.tracking.local.LocalBackend;
import dev.tracking.local.RecordedEvent;
import dev.tracking.sample.account.Accounts;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads back what the embedded local backend recorded for the signed-in user's customer, for the demo page. */
@RestController
public class ActivityController {

    private static final int MAX_EVENTS = 50;

    private final Accounts accounts;
    private final ObjectProvider<LocalBackend> localBackend;

    public ActivityController(Accounts accounts, ObjectProvider<LocalBackend> localBackend) {
        this.accounts = accounts;
        this.localBackend = localBackend;
    }

    /** The customer's recent messages and state, newest first; empty when the local backend is not in use. */
    @GetMapping("/api/activity")
    public ActivityView activity(Principal principal) {
        String user = principal.getName();
        String customerId = accounts.get(user).customerId();
        LocalBackend backend = localBackend.getIfAvailable();
        if (backend == null) {
            return new ActivityView("remote", customerId, List.of(), null, Map.of(), List.of());
        }
        Optional<CustomerState> state = backend.customerState(customerId);
        List<ActivityView.Event> events = backend.recentEvents().stream()
                .filter(event -> concerns(event.identity(), customerId, user))
                .limit(MAX_EVENTS)
                .map(ActivityController::view)
                .toList();
        return new ActivityView("local", customerId, state.map(CustomerState::activePlans).orElse(List.of()),
                state.map(CustomerState::billingStatus).orElse(null), backend.usage(customerId), events);
    }

    private static boolean concerns(Identity identity, String customerId, String user) {
        return Objects.equals(identity.customerId(), customerId)
                || identity.customerId() == null && Objects.equals(identity.userId(), user);
    }

    private static ActivityView.Event view(RecordedEvent event) {
        Identity who = event.identity();
        return new ActivityView.Event(event.sequence(), event.timestamp(), event.type(), event.name(),
                who.customerId(), who.userId(), who.email(), event.properties());
    }
}
