package dev.tracking.benchmarks.driver;

import java.util.List;
import java.util.Optional;

/**
 * The gate benchmarks: a gated and tracked call on the in-memory store behind a feature gate (a cached decision)
 * and behind a metered gate, in nanoseconds per call; and the metered gate on each database store.
 *
 * @param cachedTracked a feature gate on a cached decision + {@code @TrackEvent}, ns/call, or {@code null}
 * @param meteredTracked a metered gate + {@code @TrackEvent}, ns/call, or {@code null}
 * @param note what went wrong in the in-memory runs, or {@code ""}
 * @param databases one result per database store that was tried
 */
record GateResults(Double cachedTracked, Double meteredTracked, String note, List<DatabaseGate> databases) {

    static GateResults notRun() {
        return new GateResults(null, null, "not run", List.of());
    }

    /** The metered gate on one database store, or empty when it was not tried. */
    Optional<DatabaseGate> database(String store) {
        return databases.stream().filter(d -> d.store().equals(store)).findFirst();
    }

    /** The metered gate over the cached feature gate, or {@code null}. */
    Double meteredOverCached() {
        return cachedTracked == null || meteredTracked == null || cachedTracked == 0 ? null
                : meteredTracked / cachedTracked;
    }

    /**
     * The metered gate on a database store, 8 threads.
     *
     * @param store {@code postgresql} or {@code h2}
     * @param callsPerSecond calls per second, all threads together, or {@code null}
     * @param allowed calls allowed during the whole trial (warm-up included)
     * @param denied calls denied during the trial (none expected: the limit is out of reach)
     * @param consumed the usage the database holds for those customers afterwards
     * @param cappedLimit the limit of the capped customer
     * @param cappedCalls the calls made for it, all at once
     * @param cappedAllowed how many of them were allowed
     * @param cappedConsumed the usage the database holds for it afterwards
     * @param note what went wrong, or {@code ""}
     */
    record DatabaseGate(String store, Double callsPerSecond, long allowed, long denied, long consumed,
            long cappedLimit, long cappedCalls, long cappedAllowed, long cappedConsumed, String note) {

        static DatabaseGate failed(String store, String note) {
            return new DatabaseGate(store, null, 0, 0, 0, 0, 0, 0, 0, note);
        }

        /** Whether the exactness check ran. */
        boolean checked() {
            return cappedCalls > 0;
        }

        /**
         * Calls off the exact count: usage not matching the allowed calls, and the capped customer's allowed calls
         * and usage not matching its limit; {@code null} when the check did not run.
         */
        Double miscounted() {
            return checked() ? (double) Math.abs(consumed - allowed) + Math.abs(cappedAllowed - cappedLimit)
                    + Math.abs(cappedConsumed - cappedLimit) : null;
        }

        String describe() {
            return checked() ? String.format("%,d calls allowed and %,d denied, %,d units consumed; limit %,d: %,d "
                    + "of %,d simultaneous calls allowed, %,d consumed", allowed, denied, consumed, cappedLimit,
                    cappedAllowed, cappedCalls, cappedConsumed) : note;
        }
    }
}
