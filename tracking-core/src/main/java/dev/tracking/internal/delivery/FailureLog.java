package dev.tracking.internal.delivery;

import dev.tracking.Failure;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a destination's delivery failures: the first of each reason at WARN, the rest at DEBUG. For an outbox
 * relay, messages a close cut short ({@code shutdown}) are not lost: their rows stay in the table for the next
 * start, and the log says so.
 */
public final class FailureLog {

    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

    private final String destination;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final boolean outbox;

    FailureLog(String destination) {
        this(destination, false);
    }

    public FailureLog(String destination, boolean outbox) {
        this.destination = destination;
        this.outbox = outbox;
    }

    void failed(int messages, Failure failure) {
        if (outbox && "shutdown".equals(failure.reason())) {
            keptForNextStart(messages, failure);
            return;
        }
        if (warned.add("failed:" + failure.reason())) {
            log.warn("{}: {} message(s) not delivered ({}): {} (further failures for this reason are logged at DEBUG)",
                    destination, messages, failure.reason(), failure.detail());
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {} message(s) not delivered ({}): {}", destination, messages, failure.reason(),
                    failure.detail());
        }
    }

    private void keptForNextStart(int messages, Failure failure) {
        if (warned.add("kept:shutdown")) {
            log.warn("{}: {} message(s) not sent before close ({}): their rows stay in the outbox and are sent after"
                    + " the next start (further ones are logged at DEBUG)", destination, messages, failure.detail());
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {} message(s) not sent before close, kept in the outbox: {}", destination, messages,
                    failure.detail());
        }
    }

    void retrying(int messages, Failure failure) {
        if (warned.add("retry:" + failure.reason())) {
            log.warn("{}: {} message(s) will be retried ({}): {} (further retries for this reason are logged at DEBUG)",
                    destination, messages, failure.reason(), failure.detail());
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {} message(s) will be retried ({}): {}", destination, messages, failure.reason(),
                    failure.detail());
        }
    }
}
