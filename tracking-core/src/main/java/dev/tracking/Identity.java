package dev.tracking;


/**
 * Who an event is about: a customer (account), a user, an email address and/or a device fingerprint.
 *
 * <p>Every field is optional here; each message type states which ones it needs. Blank strings are
 * treated as absent.
 */
public record Identity(String customerId, String userId, String email, String fingerprint) {

    private static final Identity EMPTY = new Identity(null, null, null, null);

    /**
     * @throws IllegalArgumentException naming the field when one has a surrogate character without its pair (UTF-8
     *     cannot encode it, so no server could receive the same id in a body and in a URL)
     */
    public Identity {
        customerId = ArgumentChecks.requireWellFormed("customerId", blankToNull(customerId));
        userId = ArgumentChecks.requireWellFormed("userId", blankToNull(userId));
        email = ArgumentChecks.requireWellFormed("email", blankToNull(email));
        fingerprint = ArgumentChecks.requireWellFormed("fingerprint", blankToNull(fingerprint));
    }

    /** An identity with no field set. */
    public static Identity empty() {
        return EMPTY;
    }

    /** An identity that names only a customer (account). */
    public static Identity ofCustomer(String customerId) {
        return new Identity(customerId, null, null, null);
    }

    /** An identity that names only a user. */
    public static Identity ofUser(String userId) {
        return new Identity(null, userId, null, null);
    }

    /** An identity that names only an email address. */
    public static Identity ofEmail(String email) {
        return new Identity(null, null, email, null);
    }

    public Identity withCustomerId(String value) {
        return new Identity(value, userId, email, fingerprint);
    }

    public Identity withUserId(String value) {
        return new Identity(customerId, value, email, fingerprint);
    }

    public Identity withEmail(String value) {
        return new Identity(customerId, userId, value, fingerprint);
    }

    public Identity withFingerprint(String value) {
        return new Identity(customerId, userId, email, value);
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return customerId == null && userId == null && email == null && fingerprint == null;
    }

    /** The same identity with fields from {@code fallback} filling the ones this one lacks. */
    public Identity orElse(Identity fallback) {
        if (fallback == null) {
            return this;
        }
        return new Identity(
                customerId != null ? customerId : fallback.customerId,
                userId != null ? userId : fallback.userId,
                email != null ? email : fallback.email,
                fingerprint != null ? fingerprint : fallback.fingerprint);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
