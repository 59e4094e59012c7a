package dev.tracking.sample.api;

import dev.tracking.annotation.EventProperty;
import dev.tracking.annotation.GateOnFeature;
import dev.tracking.annotation.TrackEvent;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Slack integration: a feature only some plans include. */
@RestController
public class IntegrationController {

    /** Posts a message to the customer's Slack channel when their plan has the feature, and records it. */
    @PostMapping("/api/integrations/slack")
    @GateOnFeature(Catalog.SLACK_INTEGRATION)
    @TrackEvent(value = Catalog.SLACK_MESSAGE_SENT,
            property = @EventProperty(name = "length", value = "#request.message.length()"))
    public SlackResult postToSlack(@Valid @RequestBody SlackMessageRequest request) {
        return new SlackResult("#reports", request.message());
    }
}
