package dev.tracking.spring.web;

import dev.tracking.TrackingApiException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Renders a {@link TrackingApiException} (a billing or backend call the backend refused or could not answer) as
 * RFC 9457 problem details, with a status by cause: what the backend refused because of the request keeps its
 * client status (400 invalid, 404 unknown, 409 duplicate, 422), and what is not the caller's fault becomes 502
 * (the backend failed or rejected our credentials), 503 (no answer, or rate limited) or 504 (timed out). Only
 * a refusal shows the backend's detail and validation errors; a backend failure shows nothing of it.
 */
public final class TrackingApiProblems {

    /** The problem type of every backend error. */
    public static final URI TYPE = URI.create("urn:problem-type:tracking:backend-error");

    private TrackingApiProblems() {
    }

    /** The status to answer with for {@code ex}, as described above. */
    public static HttpStatus status(TrackingApiException ex) {
        int status = ex.status();
        if (status == 0) {
            return timedOut(ex) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (status == 400 && "duplicate_resource".equals(ex.title())) {
            return HttpStatus.CONFLICT;
        }
        return switch (status) {
            case 400, 404, 409, 410, 422 -> HttpStatus.valueOf(status);
            case 429 -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
    }

    /** The problem details for {@code ex} answered with {@code status}. */
    public static ProblemDetail of(TrackingApiException ex, HttpStatus status) {
        boolean refused = status.is4xxClientError();
        String detail = refused && ex.detail() != null ? ex.detail()
                : refused ? "The billing backend refused the request (HTTP " + ex.status() + ")"
                : status == HttpStatus.GATEWAY_TIMEOUT ? "The billing backend did not answer in time"
                : status == HttpStatus.SERVICE_UNAVAILABLE ? "The billing backend is not available"
                : "The billing backend could not handle the request";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE);
        problem.setTitle(refused ? "Billing request refused" : "Billing backend error");
        if (refused) {
            problem.setProperty("backendStatus", ex.status());
            if (ex.title() != null) {
                problem.setProperty("code", ex.title());
            }
            if (!ex.validationErrors().isEmpty()) {
                List<Map<String, String>> errors = ex.validationErrors().stream()
                        .map(error -> Map.of("attr", String.valueOf(error.attr()), "detail",
                                String.valueOf(error.detail())))
                        .toList();
                problem.setProperty("errors", errors);
            }
        }
        return problem;
    }

    private static boolean timedOut(Throwable ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
