package dev.tracking.spring.web;

import dev.tracking.TrackingApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link TrackingApiException} that reaches a controller (from {@code tracker.billing()} or a backend
 * call) with {@code application/problem+json} and a status by cause (see {@link TrackingApiProblems}) instead
 * of a plain 500. Ordered ahead of the application's own advice, like the 403 handler; define a bean of this
 * type, or override {@link #status} or {@link #problem}, to change it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class TrackingApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(TrackingApiExceptionHandler.class);

    @ExceptionHandler(TrackingApiException.class)
    public ResponseEntity<ProblemDetail> handle(TrackingApiException ex) {
        HttpStatus status = status(ex);
        if (status.is5xxServerError()) {
            log.warn("Answered {} for a failed backend call: {}", status.value(), ex.getMessage());
        }
        ProblemDetail problem = problem(ex, status);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** The status to answer {@code ex} with. */
    protected HttpStatus status(TrackingApiException ex) {
        return TrackingApiProblems.status(ex);
    }

    /** The problem details to answer {@code ex} with. */
    protected ProblemDetail problem(TrackingApiException ex, HttpStatus status) {
        return TrackingApiProblems.of(ex, status);
    }
}
