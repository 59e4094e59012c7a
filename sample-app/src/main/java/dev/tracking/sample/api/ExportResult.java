package dev.tracking.sample.api;

/**
 * A finished export.
 *
 * @param exportId the export's id
 * @param format its file format
 * @param download where it can be downloaded
 */
public record ExportResult(String exportId, String format, String download) {
}
