package dev.tracking.sample.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A plan change that makes no sense in the customer's current state; rendered as 409 problem details. */
public class PlanConflictException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public PlanConflictException(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
