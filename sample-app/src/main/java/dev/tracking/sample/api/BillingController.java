package dev.tracking.sample.api;

import dev.tracking.BillingStatus;
import dev.tracking.annotation.BillingStage;
import dev.tracking.annotation.EventProperty;
import dev.tracking.sample.account.Accounts;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The customer's billing lifecycle: start a trial, upgrade to a paid plan, cancel. */
@RestController
public class BillingController {

    private final Accounts accounts;
    private final PlanChanges planChanges;

    public BillingController(Accounts accounts, PlanChanges planChanges) {
        this.accounts = accounts;
        this.planChanges = planChanges;
    }

    /** Starts a trial: reports the customer as trialing. */
    @PostMapping("/api/trial/start")
    @BillingStage(BillingStatus.TRIALING)
    public Map<String, String> startTrial(Principal principal) {
        return Map.of("customerId", customerOf(principal), "status", BillingStatus.TRIALING.wireName());
    }

    /** Moves the customer to a plan and reports them as paying; their gates follow the new plan at once. */
    @PostMapping("/api/subscription/upgrade")
    @BillingStage(value = BillingStatus.PAID, property = @EventProperty(name = "plan", value = "#request.plan"))
    public SubscriptionView upgrade(@Valid @RequestBody UpgradeRequest request, Principal principal) {
        return planChanges.moveTo(customerOf(principal), request.plan());
    }

    /** Ends the customer's subscriptions now and reports them as churned. */
    @PostMapping("/api/subscription/cancel")
    @BillingStage(BillingStatus.CHURNED)
    public List<SubscriptionView> cancel(Principal principal) {
        return planChanges.cancelAll(customerOf(principal));
    }

    private String customerOf(Principal principal) {
        return accounts.get(principal.getName()).customerId();
    }
}
