package dev.tracking.lotus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Bodies the way Lotus answers, shaped by the schemas of lotus-openapi.yaml. */
final class LotusAnswers {

    static final String PLAN_ID = "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b";
    static final String OTHER_PLAN_ID = "1c2d3e4f-5061-4728-9bac-1d2e3f4a5b6c";
    static final String FEATURE_ID = "2d3e4f50-6172-4839-acbd-2e3f4a5b6c7d";
    static final String METRIC_ID = "3e4f5061-7283-494a-bdce-3f4a5b6c7d8e";

    private static final String ADDRESS = "{\"city\":\"Berlin\",\"country\":\"DE\",\"line1\":\"Main St 1\","
            + "\"line2\":null,\"postal_code\":\"10115\",\"state\":null}";

    private LotusAnswers() {
    }

    static String customer(String customerId, String name, String email) {
        return """
                {"customer_id":"%s","email":"%s","customer_name":"%s","invoices":[],"total_amount_due":0.0,
                 "subscriptions":[],"integrations":{},"default_currency":{"code":"USD","name":"US Dollar","symbol":"$"},
                 "payment_provider":null,"payment_provider_id":null,"has_payment_method":false,
                 "billing_address":%s,"shipping_address":%s,"tax_rate":null,"timezone":"UTC","tax_providers":[]}
                """.formatted(customerId, email, name, ADDRESS, ADDRESS);
    }

    static String subscription(String subscriptionId, String customerId, String start, String end, boolean autoRenew) {
        return """
                {"subscription_id":"%s","start_date":"%s","end_date":"%s","auto_renew":%b,"is_new":true,
                 "subscription_filters":[],"customer":%s,"billing_plan":%s,"fully_billed":false,"addons":[],
                 "metadata":{}}
                """.formatted(subscriptionId, start, end, autoRenew, lightweightCustomer(customerId), plan(PLAN_ID));
    }

    static String array(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    static String featureOfSubscription(String planId, boolean access) {
        return """
                {"feature_name":"export","plan_id":"%s","subscription_filters":[],"access":%b}
                """.formatted(planId, access);
    }

    /** One {@code GetEventAccess} item; each component is {@code {usage, freeLimit, totalLimit}}. */
    static String usageOfSubscription(String planId, String[]... components) {
        String usage = Arrays.stream(components).map(c -> """
                {"event_name":"api_call","metric_name":"API calls","metric_id":"%s","metric_usage":%s,
                 "metric_free_limit":%s,"metric_total_limit":%s}
                """.formatted(METRIC_ID, c[0], c[1], c[2])).collect(Collectors.joining(","));
        return """
                {"plan_id":"%s","subscription_filters":[],"usage_per_component":[%s]}
                """.formatted(planId, usage);
    }

    static String featureAccess(String customerId, boolean access, boolean... perSubscription) {
        String subscriptions = booleans(perSubscription).stream()
                .map(a -> "{\"subscription\":" + accessSubscription() + ",\"access\":" + a + "}")
                .collect(Collectors.joining(","));
        return """
                {"customer":%s,"access":%b,"feature":{"feature_id":"%s","feature_name":"export",
                 "feature_description":null},"access_per_subscription":[%s]}
                """.formatted(lightweightCustomer(customerId), access, FEATURE_ID, subscriptions);
    }

    /** A {@code MetricAccessResponse}; each subscription is {@code {usage, freeLimit, totalLimit}}. */
    static String metricAccess(String customerId, boolean access, String[]... perSubscription) {
        String subscriptions = Arrays.stream(perSubscription).map(s -> """
                {"subscription":%s,"metric_usage":%s,"metric_free_limit":%s,"metric_total_limit":%s}
                """.formatted(accessSubscription(), s[0], s[1], s[2])).collect(Collectors.joining(","));
        return """
                {"customer":%s,"access":%b,"metric":{"metric_id":"%s","event_name":"api_call",
                 "metric_name":"API calls"},"access_per_subscription":[%s]}
                """.formatted(lightweightCustomer(customerId), access, METRIC_ID, subscriptions);
    }

    static String problem(String title, String detail) {
        return """
                {"type":"https://docs.uselotus.io/errors/error-responses#client-error","title":"%s","detail":"%s"}
                """.formatted(title, detail);
    }

    static String unknownCustomer(String customerId) {
        String detail = "Object with customer_id=" + customerId + " does not exist.";
        return """
                {"type":"https://docs.uselotus.io/errors/error-responses#validation-error","title":"does_not_exist",
                 "detail":"%s","validation_errors":[{"code":"does_not_exist","detail":"%s","attr":"customer_id"}]}
                """.formatted(detail, detail);
    }

    static String[] component(String usage, String freeLimit, String totalLimit) {
        return new String[] {usage, freeLimit, totalLimit};
    }

    private static String lightweightCustomer(String customerId) {
        return "{\"customer_name\":null,\"email\":\"billing@example.com\",\"customer_id\":\"" + customerId + "\"}";
    }

    private static String plan(String planId) {
        return "{\"plan_name\":\"Pro\",\"plan_id\":\"" + planId + "\",\"version_id\":\"v_1\",\"version\":1}";
    }

    private static String accessSubscription() {
        return "{\"start_date\":\"2026-11-01T00:00:00Z\",\"end_date\":\"2026-12-01T00:00:00Z\","
                + "\"subscription_filters\":[],\"plan\":" + plan(PLAN_ID) + "}";
    }

    private static List<Boolean> booleans(boolean... values) {
        List<Boolean> list = new ArrayList<>(values.length);
        for (boolean value : values) {
            list.add(value);
        }
        return list;
    }
}
