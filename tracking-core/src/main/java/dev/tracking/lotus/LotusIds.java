package dev.tracking.lotus;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lotus identifiers in the forms its server takes and gives.
 *
 * <p>Plan ids: the API takes a UUID or {@code plan_<32 hex>} but always answers {@code plan_<32 hex>}, so
 * {@link #planId} turns either into that one normal form (compare plan ids only in it), and {@link #planUuid}
 * into the UUID its request schemas ask for. Path segments: Django REST Framework routes {@code [^/.]+}, takes a dot
 * as a format suffix and decodes {@code %2F} before routing, so an id with {@code .} or {@code /} cannot be named in
 * a path; {@link #requirePathSafe} refuses it, naming the character.
 */
public final class LotusIds {

    private static final String PLAN_PREFIX = "plan_";
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LotusIds() {
    }

    /**
     * {@code planId} (a UUID or {@code plan_<32 hex>}, any case) in the form Lotus answers with,
     * {@code plan_<32 lower-case hex>}.
     *
     * @throws IllegalArgumentException naming {@code planId} when it is neither form
     */
    public static String planId(String planId) {
        return PLAN_PREFIX + hex(planId);
    }

    /** {@code planId} (a UUID or {@code plan_<32 hex>}) as a lower-case UUID, the form Lotus's request schemas take. */
    public static String planUuid(String planId) {
        String hex = hex(planId);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** {@link #planId} of an id the server sent, or the id as it is when it has neither form. */
    static String planIdOrSelf(String planId) {
        try {
            return planId == null ? null : planId(planId);
        } catch (IllegalArgumentException notAPlanId) {
            return planId;
        }
    }

    /** Whether {@code a} and {@code b} name the same plan, whichever form each is in. */
    public static boolean samePlan(String a, String b) {
        return a != null && b != null && planId(a).equals(planId(b));
    }

    /**
     * Returns {@code id} when it can be a Lotus path segment.
     *
     * @throws IllegalArgumentException naming {@code field} and the character when it holds {@code .} or {@code /}
     */
    static String requirePathSafe(String field, String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '.' || c == '/') {
                throw new IllegalArgumentException(field + " '" + id + "' contains '" + c
                        + "', which Lotus cannot take in a URL path (a dot starts a format suffix, a slash a new"
                        + " segment)");
            }
        }
        return id;
    }

    private static String hex(String planId) {
        if (planId == null) {
            throw new IllegalArgumentException("planId must not be null");
        }
        String id = planId.strip();
        if (id.regionMatches(true, 0, PLAN_PREFIX, 0, PLAN_PREFIX.length())) {
            id = id.substring(PLAN_PREFIX.length());
        }
        if (UUID.matcher(id).matches()) {
            id = id.replace("-", "");
        }
        if (!HEX32.matcher(id).matches()) {
            throw new IllegalArgumentException("planId must be a Lotus plan id, a UUID or plan_<32 hex digits>, was '"
                    + planId + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
