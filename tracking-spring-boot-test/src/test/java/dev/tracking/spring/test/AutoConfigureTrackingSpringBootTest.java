package dev.tracking.spring.test;

import static dev.tracking.spring.test.TrackingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracking.Tracker;
import dev.tracking.access.FeatureAccessDeniedException;
import dev.tracking.billing.Subscription;
import dev.tracking.spring.test.app.DocumentsApplication;
import dev.tracking.spring.test.app.DocumentsApplication.Documents;
import dev.tracking.testing.RecordingTracker;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DocumentsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "tracking.local.plans.free.limits.document_created=3",
                "tracking.local.customers.acme.name=Acme", "tracking.local.customers.acme.email=billing@acme.test" })
@AutoConfigureTracking
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureTrackingSpringBootTest {

    @Autowired
    Tracker tracker;

    @Autowired
    RecordingTracker recorded;

    @Autowired
    Documents documents;

    @Test
    @Order(1)
    void swapsInARecordingTrackerThatTheAnnotationsUse() {
        Assertions.assertThat(tracker).isSameAs(recorded);
        documents.create("acme", "pdf");
        assertThat(recorded).tracked("document_created").forCustomer("acme").withProperty("format", "pdf").once();
    }

    @Test
    @Order(2)
    void startsEachTestWithNothingRecordedAndEverythingAllowed() {
        assertThat(recorded).recordedNothing();
        recorded.entitlements().limit("document_created", 1);
        documents.create("acme", "csv");
        assertThatThrownBy(() -> documents.create("acme", "csv")).isInstanceOf(FeatureAccessDeniedException.class);
    }

    @Test
    @Order(3)
    void billingWorksWithoutSetUpOnTheConfiguredPlansAndCustomers() {
        documents.create("acme", "pdf");
        documents.create("acme", "pdf");
        Subscription subscription = tracker.billing().createSubscription("acme", "free", null);
        Assertions.assertThat(subscription.planId()).isEqualTo("free");
        Assertions.assertThat(tracker.flush()).isCompleted();
    }
}
