package dev.tracking.spring.web;

import dev.tracking.access.AccessDecision;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Renders a denied access decision as RFC 9457 problem details: status 403, a fixed type and title, a detail
 * sentence, and {@code feature} or {@code event}, {@code customerId}, {@code reason}, {@code usage},
 * {@code limit} where known.
 */
public final class AccessDeniedProblems {

    /** The problem type of every denial. */
    public static final URI TYPE = URI.create("urn:problem-type:tracking:access-denied");

    /** The problem title of every denial. */
    public static final String TITLE = "Access denied";

    private AccessDeniedProblems() {
    }

    /** The problem details for {@code decision}, with {@code detail} as the human-readable sentence. */
    public static ProblemDetail of(AccessDecision decision, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle(TITLE);
        putIfPresent(problem, "feature", decision.feature());
        putIfPresent(problem, "event", decision.event());
        putIfPresent(problem, "customerId", decision.customerId());
        putIfPresent(problem, "reason", decision.reason() == null ? null : decision.reason().name().toLowerCase(Locale.ROOT));
        putIfPresent(problem, "usage", decision.usage());
        putIfPresent(problem, "limit", decision.limit());
        return problem;
    }

    private static void putIfPresent(ProblemDetail problem, String name, Object value) {
        if (value != null) {
            problem.setProperty(name, value);
        }
    }
}
