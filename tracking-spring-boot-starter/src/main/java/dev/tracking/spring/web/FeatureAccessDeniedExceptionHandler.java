package dev.tracking.spring.web;

import dev.tracking.access.FeatureAccessDeniedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a denied feature gate with 403 {@code application/problem+json}. Ordered ahead of the application's
 * own advice so that a catch-all {@code @ExceptionHandler(Exception.class)} does not turn it into a 500;
 * define a bean of this type to replace it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class FeatureAccessDeniedExceptionHandler {

    @ExceptionHandler(FeatureAccessDeniedException.class)
    public ResponseEntity<ProblemDetail> handle(FeatureAccessDeniedException ex) {
        ProblemDetail problem = AccessDeniedProblems.of(ex.decision(), ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
