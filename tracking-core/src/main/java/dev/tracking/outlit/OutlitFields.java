package dev.tracking.outlit;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/** The field names and fixed values of Outlit's ingest JSON, pre-encoded once for the streaming encoder. */
final class OutlitFields {

    static final SerializableString SOURCE = new SerializedString("source");
    static final SerializableString EVENTS = new SerializedString("events");
    static final SerializableString UUID = new SerializedString("uuid");
    static final SerializableString TYPE = new SerializedString("type");
    static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    static final SerializableString URL = new SerializedString("url");
    static final SerializableString PATH = new SerializedString("path");
    static final SerializableString EVENT_NAME = new SerializedString("eventName");
    static final SerializableString EMAIL = new SerializedString("email");
    static final SerializableString USER_ID = new SerializedString("userId");
    static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    static final SerializableString CUSTOMER_ID = new SerializedString("customerId");
    static final SerializableString PROPERTIES = new SerializedString("properties");
    static final SerializableString TRAITS = new SerializedString("traits");
    static final SerializableString CUSTOMER_TRAITS = new SerializedString("customerTraits");
    static final SerializableString STAGE = new SerializedString("stage");
    static final SerializableString STATUS = new SerializedString("status");
    static final SerializableString SERVER = new SerializedString("server");
    static final SerializableString ROOT_PATH = new SerializedString("/");
    static final SerializableString CUSTOM = new SerializedString("custom");
    static final SerializableString IDENTIFY = new SerializedString("identify");
    static final SerializableString STAGE_TYPE = new SerializedString("stage");
    static final SerializableString BILLING = new SerializedString("billing");

    private OutlitFields() {
    }
}
