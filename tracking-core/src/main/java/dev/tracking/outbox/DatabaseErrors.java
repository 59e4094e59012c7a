package dev.tracking.outbox;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Describes database errors for logs without the data a driver's message may quote. */
public final class DatabaseErrors {

    private static final Pattern QUOTES_DATA = Pattern.compile("(?i)values\\s*\\(|failing row|batch entry|detail:|key \\(");

    private DatabaseErrors() {
    }

    /**
     * The error without the data it may quote: a driver's message for a failed insert can repeat the statement's
     * parameters (the rows' payloads, with event properties and identities), so SQL errors are described by their
     * SQL state and the first line of the message only, and a message quoting values is withheld.
     */
    public static String describe(Throwable error) {
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
