package dev.tracking.benchmarks.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the end-to-end application's local backend keeps customers, subscriptions and usage. Each store is
 * benchmarked on its own, and its rows are named after it.
 */
public enum WebStore {

    /** The embedded local backend's in-memory store (the application has no {@code DataSource}). */
    IN_MEMORY("in-memory", "in-memory store"),

    /** The JDBC store on the application's {@code DataSource}: a PostgreSQL database the driver starts. */
    POSTGRESQL("postgresql", "database store, PostgreSQL");

    /** Spring Boot's data source auto-configuration, left out when the store keeps nothing in a database. */
    public static final String DATA_SOURCE_AUTO_CONFIGURATION =
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    /** How many customers the load generator rotates through; all on the {@value #PLAN} plan. */
    public static final int CUSTOMERS = 16;

    /** The plan every customer is on: exports limited per month, with a limit no run reaches. */
    static final String PLAN = "team";

    private final String id;
    private final String description;

    WebStore(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The store's name on the command line, e.g. {@code in-memory}. */
    public String id() {
        return id;
    }

    /** How the store appears in the results, e.g. {@code in-memory store}. */
    public String description() {
        return description;
    }

    /** The store named {@code id}. */
    public static WebStore of(String id) {
        for (WebStore store : values()) {
            if (store.id.equals(id)) {
                return store;
            }
        }
        throw new IllegalArgumentException("unknown store " + id);
    }

    /** Whether the store is a database, whose JDBC URL the application needs. */
    public boolean database() {
        return this != IN_MEMORY;
    }

    /**
     * The application properties that select this store and declare the plan and the customers on it.
     *
     * @param jdbcUrl the database of a {@link #database()} store (user {@code postgres}, no password), else ignored
     */
    public Map<String, Object> properties(String jdbcUrl) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (database()) {
            if (jdbcUrl == null || jdbcUrl.isBlank()) {
                throw new IllegalArgumentException("jdbcUrl is required for the " + description + " store");
            }
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", "postgres");
            properties.put("tracking.local.store", "jdbc");
            properties.put("tracking.local.jdbc.initialize-schema", "always");
        } else {
            properties.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATION);
        }
        properties.put("tracking.local.plans." + PLAN + ".limits." + ExportController.EVENT, 1_000_000_000);
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = customerId(i);
            properties.put("tracking.local.customers." + customer + ".name", "Customer " + i);
            properties.put("tracking.local.customers." + customer + ".email", customer + "@bench.example");
            properties.put("tracking.local.customers." + customer + ".plan", PLAN);
        }
        return properties;
    }

    /** The id of customer number {@code index}. */
    public static String customerId(int index) {
        return "customer-" + index;
    }
}
