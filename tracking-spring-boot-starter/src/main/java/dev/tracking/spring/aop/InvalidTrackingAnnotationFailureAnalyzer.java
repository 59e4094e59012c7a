package dev.tracking.spring.aop;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup failure caused by a tracking annotation that cannot work, and how to fix it. */
public class InvalidTrackingAnnotationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTrackingAnnotationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTrackingAnnotationException cause) {
        String action = cause.action() != null ? cause.action() : "Fix the annotation on " + cause.location() + (cause.attribute() == null ? ""
                : " (attribute '" + cause.attribute() + "')") + ". Expressions are SpEL; their variables are the"
                + " method's parameters by name, #result and #exception. An identity comes from the annotation's"
                + " attributes or from an IdentityResolver bean.";
        return new FailureAnalysis("A tracking annotation is invalid: " + cause.getMessage(), action, cause);
    }
}
