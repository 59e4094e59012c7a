package dev.tracking.spring.test.app;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A small application using the annotations, tested with the test support. */
@SpringBootApplication
public class DocumentsApplication {

    @Service
    public static class Documents {

        @GateOnFeature(event = "document_created", customerId = "#customerId")
        @TrackEvent(value = "document_created", customerId = "#customerId",
                property = @EventProperty(name = "format", value = "#format"))
        public String create(String customerId, String format) {
            return "created";
        }
    }

    @RestController
    public static class DocumentsController {

        private final Documents documents;

        public DocumentsController(Documents documents) {
            this.documents = documents;
        }

        @PostMapping("/customers/{customerId}/documents")
        public Map<String, String> create(@PathVariable String customerId, @RequestParam String format) {
            return Map.of("status", documents.create(customerId, format));
        }
    }
}
