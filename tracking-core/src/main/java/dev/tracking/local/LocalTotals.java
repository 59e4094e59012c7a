package dev.tracking.local;

/**
 * Counters over everything the local backend has received since it was built.
 *
 * @param received messages of every type
 * @param tracked usage and product events
 * @param identifies identifies
 * @param activations user stage changes
 * @param billingStatuses billing status reports
 * @param trackedNotCounted tracked events that counted toward no usage: no customer id, or stamped in a month
 *     that had already ended
 * @param customers customers registered or seen in events
 * @param users users seen in identifies or stage changes
 * @param recentEvents messages held in the recent-events ring
 * @param recentEventsCapacity the ring's size
 */
public record LocalTotals(long received, long tracked, long identifies, long activations, long billingStatuses,
        long trackedNotCounted, long customers, long users, int recentEvents, int recentEventsCapacity) {
}
