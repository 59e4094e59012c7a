package dev.tracking.sample.account;

import dev.tracking.Identity;
import dev.tracking.spring.identity.IdentityResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells the tracking annotations who is calling: the user Spring Security authenticated, with the customer and
 * email of their account. Anonymous callers have no identity, so a gate denies them. A user's first act (the first
 * annotated call that asks who they are) also identifies them ({@link FirstActIdentifier}).
 */
@Component
public class PrincipalIdentityResolver implements IdentityResolver {

    private final Accounts accounts;
    private final FirstActIdentifier firstAct;

    public PrincipalIdentityResolver(Accounts accounts, FirstActIdentifier firstAct) {
        this.accounts = accounts;
        this.firstAct = firstAct;
    }

    @Override
    public Identity resolve() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Identity.empty();
        }
        Identity identity = accounts.identityOf(authentication.getName()).orElse(Identity.empty());
        if (!identity.isEmpty()) {
            firstAct.acted(authentication.getName());
        }
        return identity;
    }
}
