package dev.tracking.spring.autoconfigure;

import dev.tracking.local.LocalStore;
import dev.tracking.local.jdbc.JdbcLocalStore;
import dev.tracking.local.jdbc.JdbcSchema;
import dev.tracking.local.jdbc.LocalStoreException;
import dev.tracking.spring.autoconfigure.LocalProperties.InitializeSchema;
import dev.tracking.spring.autoconfigure.LocalProperties.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * Chooses and creates the local backend's store: the JDBC store on the application's {@code DataSource} when it
 * has one (or {@code tracking.local.store=jdbc}), else the in-memory store, saying plainly at startup that its
 * state is per instance and lost on restart.
 */
final class LocalStores {

    private static final Logger log = LoggerFactory.getLogger(LocalStores.class);
    private static final String EMBEDDED_CONNECTION = "org.springframework.boot.jdbc.EmbeddedDatabaseConnection";
    private static final Set<String> EMBEDDED_PRODUCTS = Set.of("H2", "HSQL Database Engine", "Apache Derby");

    static final String MEMORY_LINE = "Tracking's local backend keeps usage, customers and subscriptions in memory,"
            + " per instance: they are lost on restart and not shared with other instances. Give the application a"
            + " DataSource (tracking.local.store=jdbc) to keep them in its database.";

    private LocalStores() {
    }

    /**
     * The store {@code local} asks for.
     *
     * @param dataSource the application's unique data source, or {@code null}
     * @param webServer whether the application runs a web server (the in-memory line is then a warning)
     * @throws InvalidTrackingPropertyException when the JDBC store has no data source, or the in-memory store
     *     is not allowed
     */
    static LocalStore create(LocalProperties local, DataSource dataSource, boolean webServer) {
        Store store = local.getStore() != null ? local.getStore() : dataSource != null ? Store.JDBC : Store.MEMORY;
        if (store == Store.JDBC) {
            if (dataSource == null) {
                throw new InvalidTrackingPropertyException("tracking.local.store",
                        "tracking.local.store is jdbc but the application has no DataSource",
                        "Add spring-boot-starter-jdbc and spring.datasource.url, or set tracking.local.store=memory.");
            }
            return jdbc(local.getJdbc(), dataSource);
        }
        if (!local.isAllowMemoryStore()) {
            throw new InvalidTrackingPropertyException("tracking.local.allow-memory-store",
                    "The local backend would keep usage, customers and subscriptions in memory (per instance, lost on"
                            + " restart), which tracking.local.allow-memory-store=false forbids",
                    "Give the application a DataSource (spring.datasource.url) so that the local backend keeps them"
                            + " in its database, or allow the in-memory store.");
        }
        if (webServer) {
            log.warn(MEMORY_LINE);
        }
        else {
            log.info(MEMORY_LINE);
        }
        return LocalStore.inMemory();
    }

    private static LocalStore jdbc(LocalProperties.Jdbc jdbc, DataSource dataSource) {
        InitializeSchema mode = jdbc.getInitializeSchema();
        if (mode == InitializeSchema.ALWAYS || mode == InitializeSchema.EMBEDDED && isEmbedded(dataSource)) {
            JdbcSchema.initialize(dataSource);
        }
        JdbcLocalStore store = JdbcLocalStore.create(dataSource);
        try {
            store.verifyTables();
        }
        catch (LocalStoreException ex) {
            throw new InvalidTrackingPropertyException("tracking.local.jdbc.initialize-schema",
                    "The local backend's tables are missing: " + ex.getMessage(),
                    "Create them with the script dev/tracking/local/jdbc/schema-" + store.dialect().platform()
                            + ".sql of tracking-core (e.g. in a Flyway or Liquibase migration), or set"
                            + " tracking.local.jdbc.initialize-schema=always.");
        }
        log.info("Tracking's local backend keeps usage, customers and subscriptions in the application's database"
                + " ({}), shared by every instance that uses it", store.dialect().platform());
        return store;
    }

    /** Spring Boot's notion of an embedded database when it is on the class path, else the product's name. */
    static boolean isEmbedded(DataSource dataSource) {
        if (ClassUtils.isPresent(EMBEDDED_CONNECTION, LocalStores.class.getClassLoader())) {
            return org.springframework.boot.jdbc.EmbeddedDatabaseConnection.isEmbedded(dataSource);
        }
        try (Connection connection = dataSource.getConnection()) {
            return EMBEDDED_PRODUCTS.contains(connection.getMetaData().getDatabaseProductName());
        }
        catch (SQLException ex) {
            return false;
        }
    }
}
