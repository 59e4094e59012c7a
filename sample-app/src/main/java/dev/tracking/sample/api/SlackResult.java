package dev.tracking.sample.api;

/**
 * A message posted to Slack.
 *
 * @param channel where it went
 * @param message what was posted
 */
public record SlackResult(String channel, String message) {
}
