package dev.tracking.sample.account;

import dev.tracking.Identity;
import dev.tracking.spring.identity.IdentityResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells the tracking annotations who is calling: the user Spring Security authenticated, with the customer and
 * email of their account. Anonymous callers have no identity, so a gate denies them.
 */
@Component
public class PrincipalIdentityResolver implements IdentityResolver {

    private final Accounts accounts;

    public PrincipalIdentityResolver(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Identity resolve() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Identity.empty();
        }
        return accounts.identityOf(authentication.getName()).orElse(Identity.empty());
    }
}
