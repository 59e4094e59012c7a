package dev.tracking.benchmarks.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the end-to-end application's local backend keeps plans, customers and usage. Each store is benchmarked on
 * its own, and its rows are named after it.
 *
 * <p>A database store (PostgreSQL) joins here once the local backend can keep its state in one: a constant whose
 * {@link #properties()} select it and point it at a database the driver starts.
 */
public enum WebStore {

    /** The embedded local backend's in-memory store. */
    IN_MEMORY("in-memory", "in-memory store");

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

    /** The application properties that declare the plan and the customers on this store. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
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
