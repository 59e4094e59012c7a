package dev.tracking.sample.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A request to export a report.
 *
 * @param format the file format: {@code pdf}, {@code csv} or {@code xlsx}
 */
public record ExportRequest(
        @NotNull @Pattern(regexp = "pdf|csv|xlsx", message = "must be one of pdf, csv, xlsx") String format) {
}
