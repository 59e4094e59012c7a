package dev.tracking.spring.aop;

import dev.tracking.access.Reservation;

/**
 * The reservation of the metered gate whose method is running on this thread, so that a {@code @TrackEvent} of the
 * same method records its event as the use of the reserved units instead of counting them again. Set by the gate
 * aspect around the call; the track aspect takes it when the call starts, on the same thread.
 */
final class GatedCall {

    private static final ThreadLocal<Reservation> CURRENT = new ThreadLocal<>();

    private GatedCall() {
    }

    /**
     * The reservation of the gated call running on this thread when it is for {@code eventName}, taken so that it
     * pays for one recording only (a nested {@code @TrackEvent} of another bean counts as usage again); otherwise
     * {@code null}.
     */
    static Reservation takeFor(String eventName) {
        Reservation reservation = CURRENT.get();
        if (reservation == null || !eventName.equals(reservation.decision().event())) {
            return null;
        }
        CURRENT.remove();
        return reservation;
    }

    /** Makes {@code reservation} current and returns the one it replaces, for {@link #restore}. */
    static Reservation enter(Reservation reservation) {
        Reservation previous = CURRENT.get();
        CURRENT.set(reservation);
        return previous;
    }

    static void restore(Reservation previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
