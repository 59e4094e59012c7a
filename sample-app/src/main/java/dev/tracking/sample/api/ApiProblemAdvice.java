package dev.tracking.sample.api;

import dev.tracking.TrackingApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders the API's errors as problem details: invalid request bodies as 400 naming each field under
 * {@code errors}, and billing-backend errors as 400 (it rejected the request) or 502 (it did not answer).
 */
@RestControllerAdvice
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ProblemDetail body = ex.getBody();
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /** A billing call failed: a 4xx answer means the request was wrong, anything else that the backend failed. */
    @ExceptionHandler(TrackingApiException.class)
    ProblemDetail billingBackendFailed(TrackingApiException ex) {
        boolean rejected = ex.hasResponse() && ex.status() >= 400 && ex.status() < 500;
        HttpStatus status = rejected ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY;
        String detail = rejected && ex.detail() != null ? ex.detail() : "The billing backend did not accept the call.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(rejected ? "Rejected by the billing backend" : "Billing backend unavailable");
        return problem;
    }
}
