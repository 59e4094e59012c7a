package dev.tracking.spring.test;

import static dev.tracking.spring.test.TrackingAssertions.assertThat;
import static org.mockito.BDDMockito.given;

import dev.tracking.spring.test.app.DocumentsApplication;
import dev.tracking.spring.test.app.DocumentsApplication.Documents;
import dev.tracking.testing.RecordingTracker;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A test may mock an annotated bean: the startup verification leaves mocks alone. */
@SpringBootTest(classes = DocumentsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureTracking
class MockedAnnotatedBeanTest {

    @MockitoBean
    Documents documents;

    @Autowired
    RecordingTracker recorded;

    @Test
    void startsWithAMockOfAnAnnotatedBean() {
        given(documents.create("acme", "pdf")).willReturn("mocked");
        Assertions.assertThat(documents.create("acme", "pdf")).isEqualTo("mocked");
        assertThat(recorded).recordedNothing();
    }
}
