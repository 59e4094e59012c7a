package dev.tracking.lotus;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Tells add-on subscriptions from plan subscriptions in Lotus's subscription list, which holds both. A plan
 * subscription names its add-ons in {@code addons[]} ({@code addon_subscription_id}, and {@code addon.addon_id},
 * the add-on's plan id); a record is an add-on when its {@code subscription_id} or its plan is named there.
 */
final class LotusAddOns {

    private final Set<String> subscriptionIds = new HashSet<>();
    private final Set<String> planIds = new HashSet<>();

    private LotusAddOns() {
    }

    /** The add-ons named anywhere in {@code records} (an array of {@code SubscriptionRecord}s). */
    static LotusAddOns of(JsonNode records) {
        LotusAddOns addOns = new LotusAddOns();
        for (JsonNode record : records.values()) {
            for (JsonNode addOn : record.path("addons").values()) {
                String subscriptionId = LotusJson.text(addOn, "addon_subscription_id");
                if (subscriptionId != null) {
                    addOns.subscriptionIds.add(subscriptionId);
                }
                String planId = LotusJson.text(addOn.get("addon"), "addon_id");
                if (planId != null) {
                    addOns.planIds.add(LotusIds.planIdOrSelf(planId));
                }
            }
        }
        return addOns;
    }

    boolean isAddOn(JsonNode record) {
        String subscriptionId = LotusJson.text(record, "subscription_id");
        String planId = LotusIds.planIdOrSelf(LotusJson.text(record.get("billing_plan"), "plan_id"));
        return subscriptionId != null && subscriptionIds.contains(subscriptionId)
                || planId != null && planIds.contains(planId);
    }
}
