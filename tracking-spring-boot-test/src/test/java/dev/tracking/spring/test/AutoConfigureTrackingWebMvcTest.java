package dev.tracking.spring.test;

import static dev.tracking.spring.test.TrackingAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tracking.spring.test.app.DocumentsApplication;
import dev.tracking.spring.test.app.DocumentsApplication.Documents;
import dev.tracking.spring.test.app.DocumentsApplication.DocumentsController;
import dev.tracking.testing.RecordingTracker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DocumentsController.class)
@ContextConfiguration(classes = DocumentsApplication.class)
@Import(Documents.class)
@AutoConfigureTracking
class AutoConfigureTrackingWebMvcTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingTracker recorded;

    @Test
    void tracksAndGatesInASliceWithThe403ProblemHandler() throws Exception {
        recorded.entitlements().limit("document_created", 1);
        mvc.perform(post("/customers/acme/documents").param("format", "pdf")).andExpect(status().isOk());
        assertThat(recorded).tracked("document_created").forCustomer("acme").withProperty("format", "pdf");

        mvc.perform(post("/customers/acme/documents").param("format", "pdf"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:problem-type:tracking:access-denied"))
                .andExpect(jsonPath("$.reason").value("limit_reached"));
    }
}
