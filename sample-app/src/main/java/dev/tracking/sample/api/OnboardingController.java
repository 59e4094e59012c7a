package dev.tracking.sample.api;

import dev.tracking.ActivationMessage;
import dev.tracking.Identity;
import dev.tracking.Tracker;
import dev.tracking.UserStage;
import dev.tracking.sample.account.Accounts;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Onboarding: finishing it marks the user as activated. */
@RestController
public class OnboardingController {

    private final Accounts accounts;
    private final Tracker tracker;

    public OnboardingController(Accounts accounts, Tracker tracker) {
        this.accounts = accounts;
        this.tracker = tracker;
    }

    /** Completes the signed-in user's onboarding and reports them as activated. */
    @PostMapping("/api/onboarding/complete")
    public Map<String, String> complete(Principal principal) {
        Identity identity = accounts.identityOf(principal.getName()).orElseThrow();
        tracker.activate(ActivationMessage.activated().identity(identity).property("via", "onboarding").build());
        return Map.of("user", principal.getName(), "stage", UserStage.ACTIVATED.wireName());
    }
}
