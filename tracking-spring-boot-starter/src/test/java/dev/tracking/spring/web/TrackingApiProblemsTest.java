package dev.tracking.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.TrackingApiException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class TrackingApiProblemsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            400, validation_error,   400
            400, duplicate_resource, 409
            404, not_found,          404
            422, ,                   422
            401, ,                   502
            403, ,                   502
            429, ,                   503
            500, ,                   502
            503, ,                   502
            0,   ,                   503
            """)
    void answersWithAStatusByCause(int backendStatus, String title, int expected) {
        assertThat(TrackingApiProblems.status(exception(backendStatus, title, null)).value()).isEqualTo(expected);
    }

    @Test
    void aTimeoutIsAGatewayTimeout() {
        assertThat(TrackingApiProblems.status(exception(0, null, new HttpTimeoutException("slow"))))
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void canBeOverriddenLikeThe403Handler() {
        TrackingApiExceptionHandler custom = new TrackingApiExceptionHandler() {
            @Override
            protected HttpStatus status(TrackingApiException ex) {
                return HttpStatus.UNPROCESSABLE_CONTENT;
            }
        };
        ResponseEntity<ProblemDetail> response = custom.handle(exception(400, "validation_error", null));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().getDetail()).isEqualTo("detail of the backend");
    }

    private static TrackingApiException exception(int status, String title, Throwable cause) {
        return new TrackingApiException("message", status, null, title, "detail of the backend", List.of(), null,
                cause);
    }
}
