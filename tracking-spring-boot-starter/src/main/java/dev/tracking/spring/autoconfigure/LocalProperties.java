package dev.tracking.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings under {@code tracking.local}: the plans and customers of the embedded local backend, used when
 * neither Lotus nor Outlit is configured.
 */
public class LocalProperties {

    /** Plans by id, each with its features and its metered limits per month. */
    private Map<String, Plan> plans = new LinkedHashMap<>();

    /** Customers created at startup, by customer id, each with a name, an email and a plan. */
    private Map<String, Customer> customers = new LinkedHashMap<>();

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
