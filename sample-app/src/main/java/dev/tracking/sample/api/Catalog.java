package dev.tracking.sample.api;

/** The names of the features and events the app gates and records, as the plans in application.yml use them. */
public final class Catalog {

    /** The metered event counted against a plan's monthly export limit. */
    public static final String REPORT_EXPORTED = "report_exported";

    /** The feature that allows posting to Slack. */
    public static final String SLACK_INTEGRATION = "slack_integration";

    /** The event recorded for each message posted to Slack. */
    public static final String SLACK_MESSAGE_SENT = "slack_message_sent";

    private Catalog() {
    }
}
