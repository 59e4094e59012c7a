package dev.tracking.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings under {@code tracking.local}: the plans and customers of the embedded local backend, used when
 * neither Lotus nor Outlit is configured, and where it keeps its state.
 */
public class LocalProperties {

    /** Plans by id, each with its features and its metered limits per month. */
    private Map<String, Plan> plans = new LinkedHashMap<>();

    /** Customers stored at startup when absent, by customer id, each with a name, an email and a plan. */
    private Map<String, Customer> customers = new LinkedHashMap<>();

    /** Where usage, customers and subscriptions are kept: jdbc (the application's DataSource; the default when there is one) or memory. */
    private Store store;

    /** Whether the in-memory store (per instance, lost on restart) may be used; false makes it a startup failure. */
    private boolean allowMemoryStore = true;

    /** The JDBC store. */
    private final Jdbc jdbc = new Jdbc();

    /** Where the local backend keeps its state. */
    public enum Store {
        /** In the application's database, through its DataSource: shared by every instance, kept across restarts. */
        JDBC,
        /** In this process's memory: per instance, lost on restart. */
        MEMORY
    }

    /** When the JDBC store creates its tables at startup. */
    public enum InitializeSchema {
        /** Only for an embedded database (H2, HSQLDB or Derby in memory), as Spring Session and Spring Batch do. */
        EMBEDDED,
        /** Always; every statement is CREATE ... IF NOT EXISTS. */
        ALWAYS,
        /** Never: the application creates them, e.g. with Flyway or Liquibase. */
        NEVER
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public boolean isAllowMemoryStore() {
        return allowMemoryStore;
    }

    public void setAllowMemoryStore(boolean allowMemoryStore) {
        this.allowMemoryStore = allowMemoryStore;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    /** Settings of the JDBC store. */
    public static class Jdbc {

        /** When to create the store's tables at startup: embedded (only for an embedded database), always or never. */
        private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

        /** How long a customer's plans read from the database are reused; changes made by another instance show after it. */
        private Duration cacheTtl = Duration.ofSeconds(5);

        public InitializeSchema getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(InitializeSchema initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }
    }

    public Map<String, Plan> getPlans() {
        return plans;
    }

    public void setPlans(Map<String, Plan> plans) {
        this.plans = plans;
    }

    public Map<String, Customer> getCustomers() {
        return customers;
    }

    public void setCustomers(Map<String, Customer> customers) {
        this.customers = customers;
    }

    /** One plan: the features it grants and the monthly limits of its metered events. */
    public static class Plan {

        /** Features the plan grants, e.g. slack_integration. */
        private List<String> features = new ArrayList<>();

        /** Metered events mapped to how many the plan allows per month; an event not listed is unlimited. */
        private Map<String, Long> limits = new LinkedHashMap<>();

        public List<String> getFeatures() {
            return features;
        }

        public void setFeatures(List<String> features) {
            this.features = features;
        }

        public Map<String, Long> getLimits() {
            return limits;
        }

        public void setLimits(Map<String, Long> limits) {
            this.limits = limits;
        }
    }

    /** One customer known to the local backend from startup. */
    public static class Customer {

        /** Display name. */
        private String name;

        /** Billing email address. */
        private String email;

        /** Id of the plan the customer is subscribed to; empty means no subscription. */
        private String plan;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPlan() {
            return plan;
        }

        public void setPlan(String plan) {
            this.plan = plan;
        }
    }
}
