package dev.tracking.outlit;

/** The field names and fixed values of Outlit's ingest JSON. */
final class OutlitFields {

    static final String SOURCE = "source";
    static final String EVENTS = "events";
    static final String UUID = "uuid";
    static final String TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String URL = "url";
    static final String PATH = "path";
    static final String EVENT_NAME = "eventName";
    static final String EMAIL = "email";
    static final String USER_ID = "userId";
    static final String FINGERPRINT = "fingerprint";
    static final String CUSTOMER_ID = "customerId";
    static final String PROPERTIES = "properties";
    static final String TRAITS = "traits";
    static final String CUSTOMER_TRAITS = "customerTraits";
    static final String STAGE = "stage";
    static final String STATUS = "status";
    static final String SERVER = "server";
    static final String ROOT_PATH = "/";
    static final String CUSTOM = "custom";
    static final String IDENTIFY = "identify";
    static final String STAGE_TYPE = "stage";
    static final String BILLING = "billing";

    private OutlitFields() {
    }
}
