package dev.tracking.sample.account;

import dev.tracking.IdentifyMessage;
import dev.tracking.Tracker;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the tracker who a user is (an {@code identify} with email, user id and customer) the first time they act in
 * this instance, so that their journey starts with who they are. Each instance does it once per user; Outlit merges
 * repeated identifies of the same user.
 */
@Component
public class FirstActIdentifier {

    private static final Logger log = LoggerFactory.getLogger(FirstActIdentifier.class);

    private final Accounts accounts;
    private final ObjectProvider<Tracker> tracker;
    private final Set<String> identified = ConcurrentHashMap.newKeySet();

    public FirstActIdentifier(Accounts accounts, ObjectProvider<Tracker> tracker) {
        this.accounts = accounts;
        this.tracker = tracker;
    }

    /** Identifies {@code userName} unless this instance already did; never throws into the caller's request. */
    public void acted(String userName) {
        if (userName == null || identified.contains(userName)) {
            return;
        }
        accounts.find(userName).ifPresent(account -> {
            if (!identified.add(userName)) {
                return;
            }
            try {
                tracker.getObject().identify(IdentifyMessage.builder().email(account.email()).userId(userName)
                        .customerId(account.customerId()).build());
            } catch (RuntimeException e) {
                // Refused at the call (say, no destination takes identifies, as with Lotus alone): trying again
                // on every request would refuse again, so the user counts as done and this is logged once.
                log.info("User {} not identified: {}", userName, e.getMessage());
            }
        });
    }
}
