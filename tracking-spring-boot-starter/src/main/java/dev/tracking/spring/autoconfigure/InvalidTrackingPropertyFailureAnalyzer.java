package dev.tracking.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup failure caused by a bad {@code tracking.*} property: which one, and how to fix it. */
public class InvalidTrackingPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTrackingPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTrackingPropertyException cause) {
        String description = "The tracking configuration is invalid: " + cause.getMessage()
                + System.lineSeparator() + System.lineSeparator() + "    Property: " + cause.property();
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
