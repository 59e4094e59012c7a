package dev.tracking.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks requests captured by WireMock, and the successful answers the stub gave, against the Lotus OpenAPI files
 * kept in the repository ({@link ReferenceSpecs}): {@code lotus-openapi.yaml} (API 0.9.3, the last to describe
 * {@code /api/track/}), and for operations only it describes {@code lotus-openapi-latest.yaml} (the spec at
 * Lotus's last commit). Loading the files is slow: load one per test class.
 */
public final class LotusContract {

    private static final String PATH_MISSING = "validation.request.path.missing";

    /** The latest spec is large: loaded once, when a request first needs it. */
    private static final class Latest {
        static final OpenApiInteractionValidator VALIDATOR = validator("lotus-openapi-latest.yaml");
    }

    private final OpenApiInteractionValidator validator;
    private final boolean fallBackToLatest;

    private LotusContract(OpenApiInteractionValidator validator, boolean fallBackToLatest) {
        this.validator = validator;
        this.fallBackToLatest = fallBackToLatest;
    }

    /** Loads {@code lotus-openapi.yaml}, with {@code lotus-openapi-latest.yaml} for what it does not describe. */
    public static LotusContract load() {
        return new LotusContract(validator("lotus-openapi.yaml"), true);
    }

    /** Loads only {@code lotus-openapi-latest.yaml}, to check a request against the spec at Lotus's last commit. */
    public static LotusContract loadLatest() {
        return new LotusContract(Latest.VALIDATOR, false);
    }

    private static OpenApiInteractionValidator validator(String file) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(ReferenceSpecs.read(file))
                .withStrictOperationPathMatching()
                .build();
    }

    /**
     * The validator's findings for one captured request: against the first file, or against the latest one when
     * the first does not describe its path.
     */
    public ValidationReport validate(LoggedRequest request) {
        SimpleRequest simple = simpleRequest(request);
        ValidationReport report = validator.validateRequest(simple);
        if (fallBackToLatest && report.getMessages().stream().anyMatch(m -> PATH_MISSING.equals(m.getKey()))) {
            return Latest.VALIDATOR.validateRequest(simple);
        }
        return report;
    }

    private static SimpleRequest simpleRequest(LoggedRequest request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod().getName(),
                question < 0 ? url : url.substring(0, question));
        for (HttpHeader header : request.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        if (question >= 0) {
            queryParameters(url.substring(question + 1)).forEach(builder::withQueryParam);
        }
        if (request.getBody() != null && request.getBody().length > 0) {
            builder.withBody(request.getBodyAsString());
        }
        return builder.build();
    }

    /** Fails when any request has findings; returns how many requests were checked. */
    public int assertAllValid(List<ServeEvent> served) {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : served) {
            ValidationReport report = validate(event.getRequest());
            if (report.hasErrors()) {
                problems.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl() + ":\n  "
                        + report.getMessages().stream().map(ValidationReport.Message::toString)
                                .collect(Collectors.joining("\n  ")));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("requests that break lotus-openapi.yaml:\n" + String.join("\n", problems));
        }
        return served.size();
    }

    /**
     * Fails when a successful (2xx) answer the stub gave does not fit the API file, so that the shapes the client
     * parses are the documented ones; returns how many answers were checked.
     */
    public int assertSuccessfulAnswersValid(List<ServeEvent> served) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ServeEvent event : served) {
            LoggedResponse response = event.getResponse();
            if (response.getStatus() < 200 || response.getStatus() >= 300) {
                continue;
            }
            checked++;
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.getStatus());
            for (HttpHeader header : response.getHeaders().all()) {
                answer.withHeader(header.key(), header.values());
            }
            String body = response.getBodyAsString();
            if (body != null && !body.isEmpty()) {
                answer.withBody(body);
            }
            String url = event.getRequest().getUrl();
            int question = url.indexOf('?');
            ValidationReport report = validator.validateResponse(question < 0 ? url : url.substring(0, question),
                    Request.Method.valueOf(event.getRequest().getMethod().getName()), answer.build());
            if (report.hasErrors()) {
                problems.add(event.getRequest().getMethod() + " " + url + " answered " + response.getStatus() + ":\n  "
                        + report.getMessages().stream().map(ValidationReport.Message::toString)
                                .collect(Collectors.joining("\n  ")));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("answers that break lotus-openapi.yaml:\n" + String.join("\n", problems));
        }
        return checked;
    }

    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
