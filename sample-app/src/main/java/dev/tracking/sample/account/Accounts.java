package dev.tracking.sample.account;

import dev.tracking.Identity;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app's user accounts from {@code sample.accounts}: each user name with its password, customer and email.
 *
 * @param accounts user name to account
 */
@ConfigurationProperties("sample")
public record Accounts(Map<String, Account> accounts) {

    public Accounts {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    /**
     * One user who can sign in, and the customer (account) they act for.
     *
     * @param password the plain-text password (a demo: real apps keep hashed passwords elsewhere)
     * @param customerId the customer the user belongs to
     * @param email the user's email
     */
    public record Account(String password, String customerId, String email) {
    }

    /** The account of {@code userName}, if there is one. */
    public Optional<Account> find(String userName) {
        return Optional.ofNullable(userName).map(accounts::get);
    }

    /** The account of {@code userName}, who must have one (every signed-in user does). */
    public Account get(String userName) {
        return find(userName).orElseThrow(() -> new IllegalStateException("no account for user " + userName));
    }

    /** The identity events of {@code userName} are recorded under: customer, user and email. */
    public Optional<Identity> identityOf(String userName) {
        return find(userName).map(account -> new Identity(account.customerId(), userName, account.email(), null));
    }
}
