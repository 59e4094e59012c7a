package dev.tracking.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How reservations settle: the first of commit and release wins, and units are given back at most once. */
class ReservationTest {

    private static final AccessDecision ALLOWED = AccessDecision.forEvent("c1", "export", true, AccessReason.IN_PLAN,
            BigDecimal.ONE, BigDecimal.TEN, DecisionSource.REMOTE);
    private static final AccessDecision DENIED = AccessDecision.forEvent("c1", "export", false,
            AccessReason.LIMIT_REACHED, BigDecimal.TEN, BigDecimal.TEN, DecisionSource.REMOTE);

    @Test
    void releasingGivesTheUnitsBackOnceAndCommittingAfterwardsChangesNothing() {
        AtomicInteger givenBack = new AtomicInteger();
        Reservation reservation = new HeldReservation(ALLOWED, givenBack::incrementAndGet);

        reservation.release();
        reservation.release();
        reservation.commit();

        assertThat(givenBack).hasValue(1);
        assertThat(reservation.isCommitted()).isFalse();
        assertThat(reservation.allowed()).isTrue();
    }

    @Test
    void committingKeepsTheUnitsSoALaterReleaseGivesNothingBack() {
        AtomicInteger givenBack = new AtomicInteger();
        Reservation reservation = new HeldReservation(ALLOWED, givenBack::incrementAndGet);

        reservation.commit();
        reservation.release();

        assertThat(givenBack).hasValue(0);
        assertThat(reservation.isCommitted()).isTrue();
    }

    @Test
    void manyThreadsSettlingAtOnceGiveTheUnitsBackAtMostOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                AtomicInteger givenBack = new AtomicInteger();
                Reservation reservation = new HeldReservation(ALLOWED, givenBack::incrementAndGet);
                CountDownLatch start = new CountDownLatch(1);
                Future<?>[] settlers = new Future<?>[8];
                for (int i = 0; i < settlers.length; i++) {
                    boolean commit = i % 2 == 0;
                    settlers[i] = pool.submit(() -> {
                        start.await();
                        if (commit) {
                            reservation.commit();
                        } else {
                            reservation.release();
                        }
                        return null;
                    });
                }
                start.countDown();
                for (Future<?> settler : settlers) {
                    settler.get();
                }
                assertThat(givenBack.get()).isEqualTo(reservation.isCommitted() ? 0 : 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReservationHoldingNothingRemembersHowItWasSettled() {
        Reservation allowed = Reservation.holdingNothing(ALLOWED);
        allowed.commit();
        Reservation released = Reservation.holdingNothing(ALLOWED);
        released.release();
        released.commit();

        assertThat(allowed.isCommitted()).isTrue();
        assertThat(released.isCommitted()).isFalse();
    }

    @Test
    void aDenialHoldsNothingAndIsNeverCommitted() {
        Reservation denied = Reservation.holdingNothing(DENIED);

        denied.commit();

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.isCommitted()).isFalse();
        assertThat(denied.decision()).isSameAs(DENIED);
    }

    @Test
    void aHeldReservationNeedsAnAllowedDecisionAndAWayToGiveBack() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HeldReservation(DENIED, () -> { }))
                .withMessageContaining("decision");
        assertThatIllegalArgumentException().isThrownBy(() -> new HeldReservation(ALLOWED, null))
                .withMessageContaining("giveBack");
        assertThatIllegalArgumentException().isThrownBy(() -> Reservation.holdingNothing(null))
                .withMessageContaining("decision");
    }
}
