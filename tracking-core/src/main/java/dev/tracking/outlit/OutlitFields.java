package dev.tracking.outlit;

import dev.tracking.internal.json.JsonString;

/** The field names and fixed values of Outlit's ingest JSON, encoded once. */
final class OutlitFields {

    static final JsonString SOURCE = JsonString.of("source");
    static final JsonString EVENTS = JsonString.of("events");
    static final JsonString UUID = JsonString.of("uuid");
    static final JsonString TYPE = JsonString.of("type");
    static final JsonString TIMESTAMP = JsonString.of("timestamp");
    static final JsonString URL = JsonString.of("url");
    static final JsonString PATH = JsonString.of("path");
    static final JsonString EVENT_NAME = JsonString.of("eventName");
    static final JsonString EMAIL = JsonString.of("email");
    static final JsonString USER_ID = JsonString.of("userId");
    static final JsonString FINGERPRINT = JsonString.of("fingerprint");
    static final JsonString CUSTOMER_ID = JsonString.of("customerId");
    static final JsonString PROPERTIES = JsonString.of("properties");
    static final JsonString TRAITS = JsonString.of("traits");
    static final JsonString CUSTOMER_TRAITS = JsonString.of("customerTraits");
    static final JsonString STAGE = JsonString.of("stage");
    static final JsonString STATUS = JsonString.of("status");
    static final JsonString SERVER = JsonString.of("server");
    static final JsonString ROOT_PATH = JsonString.of("/");
    static final JsonString CUSTOM = JsonString.of("custom");
    static final JsonString IDENTIFY = JsonString.of("identify");
    static final JsonString STAGE_TYPE = JsonString.of("stage");
    static final JsonString BILLING = JsonString.of("billing");
    static final JsonString STAGE_EMAIL = JsonString.of("__email");
    static final JsonString STAGE_USER_ID = JsonString.of("__userId");
    static final JsonString STAGE_FINGERPRINT = JsonString.of("__fingerprint");

    private OutlitFields() {
    }
}
