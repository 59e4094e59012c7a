package dev.tracking.spring.test;

import static dev.tracking.spring.test.TrackingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.Identity;
import dev.tracking.TrackMessage;
import dev.tracking.testing.RecordingTracker;
import org.junit.jupiter.api.Test;

class TrackingAssertionsTest {

    private final RecordingTracker recorded = new RecordingTracker();

    @Test
    void passesForAMatchingEvent() {
        track("document_created", "acme", "pdf");
        track("document_created", "globex", "csv");
        assertThat(recorded).tracked("document_created").forCustomer("acme").withProperty("format", "pdf").once();
        assertThat(recorded).tracked("document_created").times(2);
        assertThat(recorded).didNotTrack("document_deleted");
    }

    @Test
    void saysWhatWasTrackedInsteadWhenItFails() {
        track("document_created", "acme", "csv");
        assertThatThrownBy(() -> assertThat(recorded).tracked("report_exported"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[document_created]");
        assertThatThrownBy(() -> assertThat(recorded).tracked("document_created").forCustomer("globex"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("customer acme");
        assertThatThrownBy(() -> assertThat(recorded).tracked("document_created").forCustomer("acme")
                .withProperty("format", "pdf")).isInstanceOf(AssertionError.class).hasMessageContaining("format=csv");
        assertThatThrownBy(() -> assertThat(recorded).recordedNothing()).isInstanceOf(AssertionError.class);
    }

    private void track(String name, String customerId, String format) {
        recorded.track(TrackMessage.builder(name).identity(Identity.ofCustomer(customerId))
                .property("format", format).build());
    }
}
