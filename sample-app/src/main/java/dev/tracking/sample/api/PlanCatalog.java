package dev.tracking.sample.api;

import dev.tracking.lotus.LotusIds;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plan names the API speaks ({@code pro}) and the billing backend's ids for them, from
 * {@code sample.billing.plan-ids}. The local backend's plans are their own ids; Lotus names plans by UUID or
 * {@code plan_<hex>} and answers with the latter, so Lotus plan ids are compared in that one form.
 *
 * @param planIds plan name to billing plan id; a name not listed is its own id
 */
@ConfigurationProperties("sample.billing")
public record PlanCatalog(Map<String, String> planIds) {

    public PlanCatalog {
        planIds = planIds == null ? Map.of() : Map.copyOf(planIds);
    }

    /** The billing backend's id of the plan called {@code name}. */
    public String billingIdOf(String name) {
        return planIds.getOrDefault(name, name);
    }

    /** The name of the plan with billing id {@code billingId}; the id itself when it has no name here. */
    public String nameOf(String billingId) {
        return planIds.entrySet().stream()
                .filter(entry -> samePlan(entry.getValue(), billingId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(billingId);
    }

    /** Whether two billing ids name the same plan: equal, or the same Lotus plan in either of its forms. */
    public static boolean samePlan(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return LotusIds.samePlan(a, b);
        } catch (IllegalArgumentException notLotusPlanIds) {
            return false;
        }
    }
}
