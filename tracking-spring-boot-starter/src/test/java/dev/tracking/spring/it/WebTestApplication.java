package dev.tracking.spring.it;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import dev.tracking.Tracker;
import dev.tracking.TrackingApiException;
import dev.tracking.billing.Subscription;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A small web application using the starter, with a catch-all exception handler of its own. */
@SpringBootApplication
public class WebTestApplication {

    @RestController
    public static class ReportsController {

        @PostMapping("/customers/{customerId}/exports")
        @GateOnFeature(event = "report_exported", customerId = "#customerId")
        @TrackEvent(value = "report_exported", customerId = "#customerId",
                property = @EventProperty(name = "format", value = "#format"))
        public Map<String, String> export(@PathVariable String customerId, @RequestParam String format) {
            return Map.of("status", "exported");
        }

        @PostMapping("/customers/{customerId}/slack")
        @GateOnFeature(feature = "slack_integration", customerId = "#customerId")
        public Map<String, String> slack(@PathVariable String customerId) {
            return Map.of("status", "posted");
        }
    }

    @RestController
    public static class SubscriptionController {

        private final Tracker tracker;

        public SubscriptionController(Tracker tracker) {
            this.tracker = tracker;
        }

        @PostMapping("/customers/{customerId}/subscriptions")
        public Subscription subscribe(@PathVariable String customerId, @RequestParam String plan) {
            return tracker.billing().createSubscription(customerId, plan, null);
        }

        @PostMapping("/backend-down")
        public void backendDown() {
            throw new TrackingApiException("Lotus POST /api/subscriptions/ answered HTTP 503", 503, null, null,
                    "internal detail", List.of(), "upstream body", null);
        }
    }

    @RestControllerAdvice
    public static class CatchAllHandler {

        @ExceptionHandler(Exception.class)
        public ResponseEntity<String> any(Exception ex) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("generic error");
        }
    }
}
