package dev.tracking.sample.api;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Exports reports: a metered action, limited per month on the free plan. */
@RestController
public class ReportController {

    /** Exports a report when the customer is under its monthly export limit, and records the export. */
    @PostMapping("/api/reports/export")
    @GateOnFeature(event = Catalog.REPORT_EXPORTED)
    @TrackEvent(value = Catalog.REPORT_EXPORTED, property = @EventProperty(name = "format", value = "#request.format"))
    public ExportResult export(@Valid @RequestBody ExportRequest request) {
        String exportId = UUID.randomUUID().toString();
        return new ExportResult(exportId, request.format(), "/exports/" + exportId + "." + request.format());
    }
}
