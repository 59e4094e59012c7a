package dev.tracking.internal.outbox;

import dev.tracking.outbox.DatabaseErrors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a stretch of database failures once: a WARN when the first failure starts it, an INFO when a success ends
 * it, the failures in between at DEBUG. Thread-safe.
 */
final class Outage {

    private static final Logger log = LoggerFactory.getLogger(Outage.class);

    private final String what;
    private final AtomicBoolean ongoing = new AtomicBoolean();

    /** An outage log for {@code what}, e.g. {@code "outbox writes"}. */
    public Outage(String what) {
        this.what = what;
    }

    /** Records a failure; the first of an outage is logged at WARN with {@code consequence}. */
    public void failed(Throwable error, String consequence) {
        if (ongoing.compareAndSet(false, true)) {
            log.warn("{} failed: {}; {} (logged once until it recovers)", what, describe(error), consequence);
        } else if (log.isDebugEnabled()) {
            log.debug("{} failed: {}", what, describe(error));
        }
    }

    /** Records a success, ending an outage if one was going on. */
    public void succeeded() {
        if (ongoing.get() && ongoing.compareAndSet(true, false)) {
            log.info("{} work again", what);
        }
    }

    /** Whether the last outcome was a failure. */
    public boolean ongoing() {
        return ongoing.get();
    }

    static String describe(Throwable error) {
        return DatabaseErrors.describe(error);
    }

}
