package dev.tracking.local;

import java.time.Instant;
import java.util.List;

/**
 * The whole state of the local backend at one moment, for a demo page or a debugging endpoint.
 *
 * @param at when it was taken, by the backend's clock
 * @param month the current UTC month, e.g. {@code 2026-03}
 * @param plans the configured plans
 * @param totals the counters
 * @param customers every customer registered or seen, by id
 * @param users every user seen, by key
 * @param recentEvents the recent-events ring, newest first
 */
public record LocalSnapshot(Instant at, String month, List<LocalPlan> plans, LocalTotals totals,
        List<CustomerState> customers, List<UserState> users, List<RecordedEvent> recentEvents) {
}
