package dev.tracking.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.annotation.TrackEvent.When;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class TrackEventAspectTest {

    private final AspectFixture fixture = new AspectFixture();
    private final Reports reports = fixture.proxy(new Reports());

    @Test
    void recordsEveryAttributeAfterSuccess() {
        reports.export(new ExportRequest("acme", "u1", "pdf"));

        TrackMessage event = single("report_exported");
        assertThat(event.identity()).isEqualTo(new Identity("acme", "u1", "a@acme.test", "fp-1"));
        assertThat(event.properties()).containsEntry("format", "pdf").containsEntry("pages", 12)
                .containsEntry("source", "annotation");
    }

    @Test
    void namesTheEventAfterTheMethodWhenNoNameIsGiven() {
        reports.archiveOldReports("acme");
        assertThat(single("archive_old_reports").identity().customerId()).isEqualTo("acme");
        assertThat(DefinitionParser.snakeCase("exportPDFReport")).isEqualTo("export_pdf_report");
    }

    @Test
    void recordsOnFailureWithTheExceptionAndRethrowsIt() {
        assertThatIllegalStateException().isThrownBy(() -> reports.failing("acme")).withMessage("disk full");
        assertThat(single("export_failed").properties()).containsEntry("error", "disk full");
        reports.notFailing("acme");
        assertThat(fixture.tracker.eventsNamed("export_failed")).hasSize(1);
    }

    @Test
    void recordsAlwaysEitherWay() {
        reports.attempt("acme", false);
        assertThatIllegalStateException().isThrownBy(() -> reports.attempt("acme", true));
        assertThat(fixture.tracker.eventsNamed("attempt")).extracting(e -> e.properties().get("ok"))
                .containsExactly(true, false);
    }

    @Test
    void recordsOnlyWhenTheConditionHolds() {
        reports.conditional("acme", 5);
        reports.conditional("acme", 50);
        assertThat(single("big_export").properties()).isEmpty();
        assertThat(fixture.skipped).isEmpty();
    }

    @Test
    void recordsACompletionStageWhenItCompletes() {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        CompletableFuture<String> returned = reports.async("acme", outcome);
        assertThat(returned).isSameAs(outcome);
        assertThat(fixture.tracker.events()).isEmpty();

        outcome.complete("r-1");
        assertThat(single("async_export").properties()).containsEntry("id", "r-1");
    }

    @Test
    void recordsAFailedCompletionStageWithTheUnwrappedException() {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        reports.asyncFailing("acme", outcome);
        outcome.completeExceptionally(new IllegalStateException("timeout"));
        assertThat(single("async_failed").properties()).containsEntry("error", "timeout");
    }

    @Test
    void fillsAbsentIdentityFromTheResolver() {
        fixture.current = new Identity("globex", "bob", null, null);
        reports.resolved();
        assertThat(single("resolved").identity()).isEqualTo(new Identity("globex", "bob", null, null));
    }

    @Test
    void skipsAndCountsExpressionErrorsWithoutBreakingTheCall() {
        assertThat(reports.badExpression("acme")).isEqualTo("done");
        assertThat(reports.nullable(null)).isEqualTo("done");
        assertThat(fixture.tracker.events()).isEmpty();
        assertThat(fixture.skipped).containsExactly("TrackEvent:expression_error", "TrackEvent:expression_error");
    }

    @Test
    void skipsAndCountsWhenNoIdentityCanBeHad() {
        reports.resolved();
        assertThat(fixture.skipped).containsExactly("TrackEvent:no_identity");
    }

    @Test
    void skipsAndCountsWhatTheTrackerRefuses() {
        reports.unserializable("acme");
        fixture.tracker.close();
        reports.archiveOldReports("acme");
        assertThat(fixture.skipped).containsExactly("TrackEvent:invalid_event", "TrackEvent:tracker_closed");
    }

    @Test
    void appliesAClassLevelAnnotationToPublicMethodsThroughAJdkProxy() {
        Exporter exporter = fixture.proxy(new ClassLevelExporter(), false);
        assertThat(exporter.exportCsv("acme")).isEqualTo("csv");
        assertThat(single("export_csv").identity().customerId()).isEqualTo("acme");
        assertThat(exporter.toString()).isNotEmpty();
        assertThat(fixture.tracker.events()).hasSize(1);
    }

    @Test
    void parsesEachExpressionOnce() {
        reports.archiveOldReports("acme");
        TrackEventDefinition first = fixture.annotations.trackEvent(method("archiveOldReports", String.class), Reports.class);
        reports.archiveOldReports("acme");
        assertThat(fixture.annotations.trackEvent(method("archiveOldReports", String.class), Reports.class)).isSameAs(first);
    }

    private TrackMessage single(String name) {
        assertThat(fixture.tracker.eventsNamed(name)).hasSize(1);
        return fixture.tracker.eventsNamed(name).get(0);
    }

    private static java.lang.reflect.Method method(String name, Class<?>... types) {
        try {
            return Reports.class.getMethod(name, types);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public record ExportRequest(String customerId, String userId, String format) {
    }

    public record Export(int pages) {
    }

    public static class Reports {

        @TrackEvent(value = "report_exported", customerId = "#request.customerId", userId = "#request.userId",
                email = "'a@' + #request.customerId + '.test'", fingerprint = "'fp-1'",
                properties = "{'format': #request.format, 'source': 'map'}",
                property = { @EventProperty(name = "pages", value = "#result.pages"),
                        @EventProperty(name = "source", value = "'annotation'") })
        public Export export(ExportRequest request) {
            return new Export(12);
        }

        @TrackEvent(customerId = "#customerId")
        public void archiveOldReports(String customerId) {
        }

        @TrackEvent(value = "export_failed", customerId = "#customerId", when = When.FAILURE,
                property = @EventProperty(name = "error", value = "#exception.message"))
        public void failing(String customerId) {
            throw new IllegalStateException("disk full");
        }

        @TrackEvent(value = "export_failed", customerId = "#customerId", when = When.FAILURE)
        public void notFailing(String customerId) {
        }

        @TrackEvent(value = "attempt", customerId = "#customerId", when = When.ALWAYS,
                property = @EventProperty(name = "ok", value = "#exception == null"))
        public String attempt(String customerId, boolean fail) {
            if (fail) {
                throw new IllegalStateException("failed");
            }
            return "ok";
        }

        @TrackEvent(value = "big_export", customerId = "#customerId", condition = "#size > 10")
        public void conditional(String customerId, int size) {
        }

        @TrackEvent(value = "async_export", customerId = "#customerId",
                property = @EventProperty(name = "id", value = "#result"))
        public CompletableFuture<String> async(String customerId, CompletableFuture<String> outcome) {
            return outcome;
        }

        @TrackEvent(value = "async_failed", customerId = "#customerId", when = When.FAILURE,
                property = @EventProperty(name = "error", value = "#exception.message"))
        public CompletionStage<String> asyncFailing(String customerId, CompletableFuture<String> outcome) {
            return outcome;
        }

        @TrackEvent("resolved")
        public void resolved() {
        }

        @TrackEvent(value = "bad", customerId = "#customerId.substring(100)")
        public String badExpression(String customerId) {
            return "done";
        }

        @TrackEvent(value = "nullable", customerId = "#customerId")
        public String nullable(String customerId) {
            return "done";
        }

        @TrackEvent(value = "unserializable", customerId = "#customerId",
                property = @EventProperty(name = "ratio", value = "T(java.lang.Double).NaN"))
        public void unserializable(String customerId) {
        }
    }

    public interface Exporter {
        String exportCsv(String customerId);
    }

    @TrackEvent(customerId = "#customerId")
    public static class ClassLevelExporter implements Exporter {

        @Override
        public String exportCsv(String customerId) {
            return "csv";
        }

        @Override
        public String toString() {
            return "exporter";
        }
    }
}
