package dev.tracking.internal.outbox;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a stretch of database failures once: a WARN when the first failure starts it, an INFO when a success ends
 * it, the failures in between at DEBUG. Thread-safe.
 */
public final class Outage {

    private static final Logger log = LoggerFactory.getLogger(Outage.class);
    private static final Pattern QUOTES_DATA = Pattern.compile("(?i)values\\s*\\(|failing row|batch entry|detail:|key \\(");

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

    /**
     * The error without the data it may quote: a driver's message for a failed insert can repeat the statement's
     * parameters (the rows' payloads, with event properties and identities), so SQL errors are described by their
     * SQL state and the first line of the message only, and a message quoting values is withheld.
     */
    static String describe(Throwable error) {
        if (error == null) {
            return "timed out";
        }
        if (error instanceof BatchUpdateException batch && batch.getNextException() != null) {
            return describe(batch.getNextException());
        }
        String name = error.getClass().getSimpleName();
        if (!(error instanceof SQLException sql)) {
            return name + ": " + error.getMessage();
        }
        String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
        if (QUOTES_DATA.matcher(message).find()) {
            message = "(message withheld: it quotes row values)";
        } else if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return name + " [SQLState " + sql.getSQLState() + "]: " + message;
    }

}
