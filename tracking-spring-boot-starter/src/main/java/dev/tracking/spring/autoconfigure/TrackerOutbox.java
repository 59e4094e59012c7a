package dev.tracking.spring.autoconfigure;

import dev.tracking.Tracker;
import dev.tracking.local.jdbc.JdbcDialect;
import dev.tracking.outbox.Outbox;
import dev.tracking.outbox.OutboxOptions;
import dev.tracking.outbox.OutboxSchema;
import dev.tracking.outbox.OutboxTransactions;
import dev.tracking.spring.autoconfigure.LocalProperties.InitializeSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox of the auto-configured tracker ({@code tracking.outbox.*}): its options on the
 * application's {@code DataSource}, its table (created per {@code tracking.outbox.initialize-schema}, else checked),
 * and the startup line saying which destinations go through it.
 */
final class TrackerOutbox {

    private static final Logger log = LoggerFactory.getLogger(TrackerOutbox.class);

    private TrackerOutbox() {
    }

    /**
     * The outbox options, or {@code null} when {@code tracking.outbox.enabled} is false.
     *
     * @param dataSource the application's unique data source, or {@code null}
     * @throws InvalidTrackingPropertyException when there is no data source or the table is missing (a database that
     *     cannot be reached at all is only logged: the tracker starts and the outbox catches up once it is back)
     */
    static OutboxOptions options(OutboxProperties outbox, DataSource dataSource, OutboxTransactions transactions) {
        if (!outbox.isEnabled()) {
            return null;
        }
        if (dataSource == null) {
            throw new InvalidTrackingPropertyException("tracking.outbox.enabled",
                    "tracking.outbox.enabled is true but the application has no DataSource (or several and none is"
                            + " primary): the outbox keeps events in a table of the application's database",
                    "Add spring-boot-starter-jdbc and spring.datasource.url (or mark one DataSource @Primary), or set"
                            + " tracking.outbox.enabled=false.");
        }
        prepareTable(outbox.getInitializeSchema(), dataSource);
        return OutboxOptions.builder(dataSource)
                .destinations(new LinkedHashSet<>(outbox.getDestinations()))
                .transactions(transactions == null ? OutboxTransactions.NONE : transactions)
                .writeTimeout(outbox.getWriteTimeout())
                .lease(outbox.getLease())
                .pollInterval(outbox.getPollInterval())
                .retention(outbox.getRetention())
                .build();
    }

    private static void prepareTable(InitializeSchema mode, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(1);
        }
        catch (SQLException ex) {
            // The tracker starts anyway: covered destinations use the memory queue (not_durable) until it is back.
            log.warn("Tracking's outbox cannot reach the database to check its table ({}); until it can, events go to"
                    + " the memory queues and are counted as not_durable", ex.getClass().getSimpleName());
            return;
        }
        if (mode == InitializeSchema.ALWAYS || mode == InitializeSchema.EMBEDDED && LocalStores.isEmbedded(dataSource)) {
            OutboxSchema.initialize(dataSource);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM tracking_outbox WHERE 1 = 0").close();
        }
        catch (SQLException ex) {
            throw new InvalidTrackingPropertyException("tracking.outbox.initialize-schema",
                    "The outbox table tracking_outbox is missing or cannot be read: " + ex.getMessage(),
                    "Create it with the script dev/tracking/outbox/schema-" + platform(dataSource) + ".sql of"
                            + " tracking-core (e.g. in a Flyway or Liquibase migration), or set"
                            + " tracking.outbox.initialize-schema=always.");
        }
    }

    private static String platform(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return JdbcDialect.of(connection).platform();
        }
        catch (SQLException | RuntimeException ex) {
            return "<postgresql|mysql|h2>";
        }
    }

    /** Says at startup which destinations go through the outbox and which do not; a WARN when none does. */
    static void describe(Tracker tracker) {
        tracker.outbox().ifPresent(outbox -> {
            if (outbox.destinations().isEmpty()) {
                log.warn(line(tracker, outbox));
            }
            else {
                log.info(line(tracker, outbox));
            }
        });
    }

    static String line(Tracker tracker, Outbox outbox) {
        Set<String> covered = new TreeSet<>(outbox.destinations());
        Set<String> others = new TreeSet<>();
        tracker.stats().forEach(stats -> others.add(stats.destination()));
        others.removeAll(covered);
        if (covered.isEmpty()) {
            return "Tracking's outbox is on but no destination goes through it" + (others.isEmpty() ? ""
                    : " (in memory queues: " + String.join(", ", others) + ")")
                    + ": it covers remote destinations (Lotus, Outlit) by default, or those named in"
                    + " tracking.outbox.destinations";
        }
        return "Tracking through the outbox in the application's database (table tracking_outbox): "
                + String.join(", ", covered) + " (written before track() returns, or with the caller's transaction)"
                + (others.isEmpty() ? "" : "; in memory queues: " + String.join(", ", others));
    }
}
