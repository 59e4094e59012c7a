package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OutlitOptionsTest {

    @Test
    void defaultsToTheHostedServiceSpeakingTodaysContract() {
        OutlitOptions options = OutlitOptions.of("pk_live_123");

        assertThat(options.apiHost()).isEqualTo(URI.create("https://app.outlit.ai"));
        assertThat(options.protocol()).isEqualTo(OutlitProtocol.CURRENT);
        assertThat(options.legacy()).isFalse();
        assertThat(options.withProtocol(OutlitProtocol.LEGACY_V1).legacy()).isTrue();
        assertThat(options.withProtocol(null).protocol()).isEqualTo(OutlitProtocol.CURRENT);
    }

    @Test
    void refusesAKeyThatIsNotAPublicKeyWithoutRepeatingIt() {
        assertThatThrownBy(() -> OutlitOptions.of("ok_secret_987"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicKey")
                .hasMessageNotContaining("ok_secret_987");
        assertThatThrownBy(() -> OutlitOptions.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publicKey");
        assertThatThrownBy(() -> OutlitOptions.of("pk_1").withApiHost(URI.create("ftp://x.io")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiHost");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(OutlitOptions.of("pk_live_123456").toString()).doesNotContain("live_123456");
        try (OutlitDestination destination = new OutlitDestination(OutlitOptions.of("pk_live_123456"),
                dev.tracking.DeliveryOptions.defaults(), java.time.Clock.systemUTC())) {
            assertThat(destination.toString()).doesNotContain("live_123456");
        }
    }
}
