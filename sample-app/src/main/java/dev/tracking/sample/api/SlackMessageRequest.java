package dev.tracking.sample.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message to post to the customer's Slack channel.
 *
 * @param message the text, at most 500 characters
 */
public record SlackMessageRequest(@NotBlank @Size(max = 500) String message) {
}
