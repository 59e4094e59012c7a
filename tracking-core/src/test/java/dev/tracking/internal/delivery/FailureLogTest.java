package dev.tracking.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.Failure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailureLogTest {

    private static String logged(Runnable action) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(stderr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anOutboxRelaySaysMessagesCutShortByCloseStayInTheTable() {
        String text = logged(() -> new FailureLog("outlit", true)
                .failed(3, Failure.of("shutdown", "interrupted while sending: the tracker closed")));

        assertThat(text).contains("outlit: 3 message(s) not sent before close")
                .contains("stay in the outbox and are sent after the next start").doesNotContain("not delivered");
    }

    @Test
    void theMemoryQueueStillReportsThemNotDelivered() {
        String text = logged(() -> new FailureLog("outlit")
                .failed(2, Failure.of("shutdown", "interrupted while sending: the tracker closed")));

        assertThat(text).contains("outlit: 2 message(s) not delivered (shutdown)").doesNotContain("outbox");
    }

    @Test
    void anOutboxRelayReportsOtherFailuresAsNotDelivered() {
        String text = logged(() -> new FailureLog("outlit", true).failed(1, Failure.of("rejected", "HTTP 400")));

        assertThat(text).contains("outlit: 1 message(s) not delivered (rejected)");
    }
}
