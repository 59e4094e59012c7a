package dev.tracking.spring.actuate;

import dev.tracking.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The outbox's state as the health component and the endpoint show it: rows pending and failed per destination (read
 * from the table, so including other instances' rows), and the messages kept in memory only since start. A count
 * that cannot be read (the database is down) shows as {@code null} with the kind of failure, never its message.
 */
final class OutboxDetails {

    private OutboxDetails() {
    }

    static Map<String, Object> of(Outbox outbox) {
        Map<String, Object> destinations = new LinkedHashMap<>();
        for (String destination : new TreeSet<>(outbox.destinations())) {
            destinations.put(destination, of(outbox, destination));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("notDurable", outbox.notDurable());
        details.put("writtenLate", outbox.writtenLate());
        details.put("destinations", destinations);
        return details;
    }

    /** The rows of one destination in the table: pending and failed. */
    static Map<String, Object> of(Outbox outbox, String destination) {
        Map<String, Object> counts = new LinkedHashMap<>();
        try {
            counts.put("pending", outbox.pending(destination));
            counts.put("failed", outbox.failed(destination));
        }
        catch (RuntimeException ex) {
            counts.put("pending", null);
            counts.put("failed", null);
            counts.put("unreadable", ex.getClass().getSimpleName());
        }
        return counts;
    }

    /** A line for the health component when messages were kept in memory only, else {@code null}. */
    static String notDurableWarning(Outbox outbox) {
        long notDurable = outbox.notDurable();
        if (notDurable == 0) {
            return null;
        }
        return "outbox: " + notDurable + " message(s) since start could not be written to the database in time and"
                + " went to the memory queue (not_durable): delivered as usual, but a crash would lose them";
    }
}
