package dev.tracking.internal;

import dev.tracking.Failure;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a destination's delivery failures: the first of each reason at WARN, the rest at DEBUG. */
final class FailureLog {

    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

    private final String destination;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    FailureLog(String destination) {
        this.destination = destination;
    }

    void failed(int messages, Failure failure) {
        if (warned.add("failed:" + failure.reason())) {
            log.warn("{}: {} message(s) not delivered ({}): {} (further failures for this reason are logged at DEBUG)",
                    destination, messages, failure.reason(), failure.detail());
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {} message(s) not delivered ({}): {}", destination, messages, failure.reason(),
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
