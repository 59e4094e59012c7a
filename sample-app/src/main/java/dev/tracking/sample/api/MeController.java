package dev.tracking.sample.api;

import dev.tracking.Tracker;
import dev.tracking.access.AccessDecision;
import dev.tracking.sample.account.Accounts;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user's customer, plans, usage and features, as the tracker sees them. */
@RestController
public class MeController {

    private final Accounts accounts;
    private final PlanChanges planChanges;
    private final Tracker tracker;

    public MeController(Accounts accounts, PlanChanges planChanges, Tracker tracker) {
        this.accounts = accounts;
        this.planChanges = planChanges;
        this.tracker = tracker;
    }

    /** The signed-in user's view of their customer. */
    @GetMapping("/api/me")
    public MeView me(Principal principal) {
        Accounts.Account account = accounts.get(principal.getName());
        String customerId = account.customerId();
        List<String> plans = planChanges.active(customerId).stream().map(SubscriptionView::plan).toList();
        AccessDecision exports = tracker.entitlements().checkEvent(customerId, Catalog.REPORT_EXPORTED);
        AccessDecision slack = tracker.entitlements().checkFeature(customerId, Catalog.SLACK_INTEGRATION);
        return new MeView(principal.getName(), customerId, account.email(), plans,
                Map.of(Catalog.REPORT_EXPORTED, new MeView.Usage(exports.usage(), exports.limit(), exports.allowed())),
                Map.of(Catalog.SLACK_INTEGRATION, slack.allowed()));
    }
}
