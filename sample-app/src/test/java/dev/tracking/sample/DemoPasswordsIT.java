package dev.tracking.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signing in leaves the demo passwords as they are: nothing re-hashes them with bcrypt, so an authenticated request
 * costs a string comparison rather than a bcrypt check.
 */
class DemoPasswordsIT extends RunningApp {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ApplicationContext context;

    @Test
    void aLoginDoesNotUpgradeTheStoredPassword() {
        assertThat(api.get(ALICE, "/api/me").status()).isEqualTo(200);
        assertThat(api.get(ALICE, "/api/me").status()).isEqualTo(200);

        assertThat(users.loadUserByUsername(ALICE).getPassword()).isEqualTo("{noop}alice");
        assertThat(context.getBeanProvider(UserDetailsPasswordService.class).getIfAvailable()).isNull();
    }

    @Test
    void unknownUsersAndWrongPasswordsAreStillRefused() {
        assertThat(api.post("mallory", "mallory", "/api/reports/export", "{\"format\":\"pdf\"}").status())
                .isEqualTo(401);
        assertThat(api.post(BOB, "alice", "/api/reports/export", "{\"format\":\"pdf\"}").status()).isEqualTo(401);
    }
}
