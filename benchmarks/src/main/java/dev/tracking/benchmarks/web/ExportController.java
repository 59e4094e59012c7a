package dev.tracking.benchmarks.web;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample application's export endpoint: a metered action gated on the customer's monthly limit and recorded
 * after it succeeds. The customer comes from a header (the benchmark has no authentication); whether the
 * annotations act depends on {@code tracking.aspects.enabled}, so the same code runs with and without them.
 */
@RestController
public class ExportController {

    /** The event the endpoint is gated on and records. */
    static final String EVENT = "report_exported";

    /** The header naming the customer. */
    public static final String CUSTOMER_HEADER = "X-Customer-Id";

    /** Exports a report when the customer is under its monthly export limit, and records the export. */
    @PostMapping("/api/reports/export")
    @GateOnFeature(event = EVENT, customerId = "#customerId")
    @TrackEvent(value = EVENT, customerId = "#customerId",
            property = @EventProperty(name = "format", value = "#request.format"))
    public ExportResult export(@RequestHeader(CUSTOMER_HEADER) String customerId,
            @Valid @RequestBody ExportRequest request) {
        String exportId = UUID.randomUUID().toString();
        return new ExportResult(exportId, request.format(), "/exports/" + exportId + "." + request.format());
    }

    /**
     * A request to export a report.
     *
     * @param format the file format: {@code pdf}, {@code csv} or {@code xlsx}
     */
    public record ExportRequest(
            @NotNull @Pattern(regexp = "pdf|csv|xlsx", message = "must be one of pdf, csv, xlsx") String format) {
    }

    /**
     * A finished export.
     *
     * @param exportId the export's id
     * @param format its file format
     * @param download where it can be downloaded
     */
    public record ExportResult(String exportId, String format, String download) {
    }
}
