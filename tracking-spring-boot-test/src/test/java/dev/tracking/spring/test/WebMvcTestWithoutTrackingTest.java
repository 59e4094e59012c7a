package dev.tracking.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.spring.test.app.DocumentsApplication;
import dev.tracking.spring.test.app.DocumentsApplication.DocumentsController;
import dev.tracking.spring.web.FeatureAccessDeniedExceptionHandler;
import dev.tracking.spring.web.TrackingApiExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Every {@code @WebMvcTest} has the problem-details handlers, even without {@code @AutoConfigureTracking}. */
@WebMvcTest(DocumentsController.class)
@ContextConfiguration(classes = DocumentsApplication.class)
class WebMvcTestWithoutTrackingTest {

    @MockitoBean
    DocumentsApplication.Documents documents;

    @Autowired
    ApplicationContext context;

    @Test
    void hasTheProblemHandlers() {
        assertThat(context.getBeansOfType(FeatureAccessDeniedExceptionHandler.class)).hasSize(1);
        assertThat(context.getBeansOfType(TrackingApiExceptionHandler.class)).hasSize(1);
    }
}
