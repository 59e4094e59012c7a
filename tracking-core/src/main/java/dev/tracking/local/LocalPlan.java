package dev.tracking.local;

import dev.tracking.internal.check.Arguments;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A plan of the local backend: the features it grants and its metered limits per event name per calendar
 * month (UTC).
 *
 * <p>An event without a limit is unlimited. Instances are immutable; {@link #feature} and {@link #limit} return
 * a new plan, so a plan reads like its configuration:
 * {@code LocalPlan.of("free").limit("report_exported", 3)}.
 *
 * @param id the plan's id, used by subscriptions
 * @param features the features the plan grants
 * @param limits the most events of each name a customer may record per month
 */
public record LocalPlan(String id, Set<String> features, Map<String, Long> limits) {

    public LocalPlan {
        Arguments.requireText("plan id", id);
        Arguments.requireNonNull("features", features);
        Arguments.requireNonNull("limits", limits);
        Set<String> featureCopy = new LinkedHashSet<>();
        for (String feature : features) {
            featureCopy.add(Arguments.requireText("plans." + id + ".features[]", feature));
        }
        Map<String, Long> limitCopy = new LinkedHashMap<>();
        limits.forEach((event, limit) -> limitCopy.put(
                Arguments.requireText("plans." + id + ".limits key", event), requireLimit(id, event, limit)));
        features = Collections.unmodifiableSet(featureCopy);
        limits = Collections.unmodifiableMap(limitCopy);
    }

    /** A plan with no features and no limits. */
    public static LocalPlan of(String id) {
        return new LocalPlan(id, Set.of(), Map.of());
    }

    /** This plan, also granting {@code name}. */
    public LocalPlan feature(String name) {
        Set<String> more = new LinkedHashSet<>(features);
        more.add(name);
        return new LocalPlan(id, more, limits);
    }

    /** This plan, also granting every feature in {@code names}. */
    public LocalPlan features(Collection<String> names) {
        Set<String> more = new LinkedHashSet<>(features);
        more.addAll(Arguments.requireNonNull("features", names));
        return new LocalPlan(id, more, limits);
    }

    /** This plan, allowing at most {@code perMonth} events called {@code eventName} per calendar month. */
    public LocalPlan limit(String eventName, long perMonth) {
        Map<String, Long> more = new LinkedHashMap<>(limits);
        more.put(eventName, perMonth);
        return new LocalPlan(id, features, more);
    }

    /** This plan, with every limit in {@code perMonthByEvent} added. */
    public LocalPlan limits(Map<String, ? extends Number> perMonthByEvent) {
        Map<String, Long> more = new LinkedHashMap<>(limits);
        Arguments.requireNonNull("limits", perMonthByEvent).forEach((event, limit) ->
                more.put(event, limit == null ? null : limit.longValue()));
        return new LocalPlan(id, features, more);
    }

    /** Whether the plan grants {@code feature}. */
    public boolean grants(String feature) {
        return features.contains(feature);
    }

    /** The monthly limit for {@code eventName}, or {@code null} when it is unlimited. */
    public Long limitFor(String eventName) {
        return limits.get(eventName);
    }

    private static Long requireLimit(String id, String event, Long limit) {
        if (limit == null || limit < 0) {
            throw new IllegalArgumentException(
                    "plans." + id + ".limits." + event + " must be zero or more, was " + limit);
        }
        return limit;
    }
}
