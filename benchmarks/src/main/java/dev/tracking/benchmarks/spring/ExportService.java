package dev.tracking.benchmarks.spring;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.TrackEvent;
import io.micrometer.core.annotation.Counted;

/** The same small method three times: without annotation, with {@code @TrackEvent}, with Micrometer's {@code @Counted}. */
public class ExportService {

    /** No annotation: the baseline (still called through the bean's proxy). */
    public int export(String customerId, String format, int rows) {
        return work(customerId, format, rows);
    }

    /** Records {@code report_exported} for the customer, with the format and row count as properties. */
    @TrackEvent(value = "report_exported", customerId = "#customerId", property = {
        @EventProperty(name = "format", value = "#format"),
        @EventProperty(name = "rows", value = "#rows")})
    public int exportTracked(String customerId, String format, int rows) {
        return work(customerId, format, rows);
    }

    /** Counts calls in a Micrometer counter. */
    @Counted("report.exported")
    public int exportCounted(String customerId, String format, int rows) {
        return work(customerId, format, rows);
    }

    private static int work(String customerId, String format, int rows) {
        return customerId.length() + format.length() + rows;
    }
}
