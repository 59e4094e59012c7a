package dev.tracking.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutlitContractTest {

    private static final String EVENT = "{\"uuid\":\"0190d2a4-0000-7000-8000-000000000000\",\"type\":\"custom\","
            + "\"timestamp\":1700000000000,\"url\":\"server://a@b.co\",\"path\":\"/\",\"eventName\":\"x\"}";

    @Test
    void aWellFormedServerRequestIsValid() {
        assertThat(OutlitContract.INGEST_EVENTS_REQUEST.violations(
                "{\"source\":\"server\",\"events\":[" + EVENT + "]}")).isEmpty();
    }

    @Test
    void theValidatorFollowsReferencesIntoTheComponents() {
        assertThat(OutlitContract.INGEST_EVENTS_REQUEST.violations(
                "{\"source\":\"server\",\"events\":[{\"type\":\"stage\",\"stage\":\"promoted\"}]}")).isNotEmpty();
        assertThat(OutlitContract.INGEST_EVENTS_REQUEST.violations(
                "{\"source\":\"server\",\"events\":[{\"type\":\"custom\"}]}")).isNotEmpty();
    }

    @Test
    void tooManyEventsOrUnknownTopLevelFieldsAreInvalid() {
        String events = String.join(",", java.util.Collections.nCopies(101, EVENT));
        assertThat(OutlitContract.INGEST_EVENTS_REQUEST.violations(
                "{\"source\":\"server\",\"events\":[" + events + "]}")).isNotEmpty();
        assertThat(OutlitContract.INGEST_EVENTS_REQUEST.violations(
                "{\"source\":\"server\",\"batch\":[],\"events\":[" + EVENT + "]}")).isNotEmpty();
        assertThat(OutlitContract.INGEST_EVENTS_REQUEST.violations("{\"source\":\"server\",\"events\":[]}"))
                .isNotEmpty();
    }
}
