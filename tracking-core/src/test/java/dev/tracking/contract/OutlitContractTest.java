package dev.tracking.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutlitContractTest {

    private static final String EVENT = "{\"uuid\":\"0190d2a4-0000-7000-8000-000000000000\",\"type\":\"custom\","
            + "\"timestamp\":1700000000000,\"url\":\"server://a@b.co\",\"path\":\"/\",\"eventName\":\"x\"}";
    private static final String STAGE = "{\"uuid\":\"0190d2a4-0000-7000-8000-000000000000\",\"type\":\"stage\","
            + "\"timestamp\":1700000000000,\"url\":\"server://u\",\"path\":\"/\",\"stage\":\"activated\","
            + "\"properties\":{\"__email\":null,\"__userId\":\"u\",\"__fingerprint\":null}}";

    @Test
    void aWellFormedServerRequestIsValidInBothContracts() {
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(EVENT))).isEmpty();
        assertThat(OutlitContract.LEGACY_INGEST_REQUEST.violations(request(EVENT))).isEmpty();
    }

    @Test
    void todaysContractRejectsStageAndBillingEventsWhichTheLegacyOneTakes() {
        String billing = "{\"uuid\":\"0190d2a4-0000-7000-8000-000000000000\",\"type\":\"billing\","
                + "\"timestamp\":1700000000000,\"url\":\"server://acme\",\"path\":\"/\",\"status\":\"paid\","
                + "\"customerId\":\"acme\"}";

        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(STAGE))).isNotEmpty();
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(billing))).isNotEmpty();
        assertThat(OutlitContract.LEGACY_INGEST_REQUEST.violations(request(STAGE))).isEmpty();
        assertThat(OutlitContract.LEGACY_INGEST_REQUEST.violations(request(billing))).isEmpty();
    }

    @Test
    void todaysContractRejectsNestedTraitsBadEmailsAndUnknownFields() {
        String identify = "{\"uuid\":\"0190d2a4-0000-7000-8000-000000000000\",\"type\":\"identify\","
                + "\"timestamp\":1700000000000,\"url\":\"server://u\",\"path\":\"/\",\"userId\":\"u\",";

        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(identify
                + "\"traits\":{\"name\":\"Ann\",\"n\":1,\"ok\":true,\"none\":null}}"))).isEmpty();
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(identify
                + "\"traits\":{\"address\":{\"city\":\"Oslo\"}}}"))).isNotEmpty();
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(identify
                + "\"email\":\"not an email\"}"))).isNotEmpty();
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(identify + "\"stage\":\"x\"}")))
                .isNotEmpty();
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(identify
                + "\"email\":\"bob@globex.example\"}"))).isEmpty();
        assertThat(OutlitContract.CURRENT_INGEST_REQUEST.violations(request(identify
                + "\"email\":\"ann..b@example.com\"}"))).isNotEmpty();
    }

    @Test
    void theValidatorFollowsReferencesIntoTheComponents() {
        assertThat(OutlitContract.LEGACY_INGEST_REQUEST.violations(
                "{\"source\":\"server\",\"events\":[{\"type\":\"stage\",\"stage\":\"promoted\"}]}")).isNotEmpty();
        assertThat(OutlitContract.LEGACY_INGEST_REQUEST.violations(
                "{\"source\":\"server\",\"events\":[{\"type\":\"custom\"}]}")).isNotEmpty();
    }

    @Test
    void tooManyEventsOrUnknownTopLevelFieldsAreInvalid() {
        String events = String.join(",", java.util.Collections.nCopies(101, EVENT));
        for (OpenApiJsonSchema schema : new OpenApiJsonSchema[] {
                OutlitContract.CURRENT_INGEST_REQUEST, OutlitContract.LEGACY_INGEST_REQUEST}) {
            assertThat(schema.violations("{\"source\":\"server\",\"events\":[" + events + "]}")).isNotEmpty();
            assertThat(schema.violations("{\"source\":\"server\",\"events\":[]}")).isNotEmpty();
        }
        assertThat(OutlitContract.LEGACY_INGEST_REQUEST.violations(
                "{\"source\":\"server\",\"batch\":[],\"events\":[" + EVENT + "]}")).isNotEmpty();
    }

    private static String request(String event) {
        return "{\"source\":\"server\",\"events\":[" + event + "]}";
    }
}
