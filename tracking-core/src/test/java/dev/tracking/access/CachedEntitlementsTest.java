package dev.tracking.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracking.EntitlementOptions;
import dev.tracking.TrackMessage;
import dev.tracking.TrackingListener;
import dev.tracking.support.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The access cache over a stand-in remote: sizes, timing, refresh failures and what is never cached. */
class CachedEntitlementsTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration PAST_TTL = TTL.plusNanos(1);
    private static final Duration REMOTE_TIME = Duration.ofMillis(120);

    private final ManualTime time = new ManualTime();
    private final StandInRemote remote = new StandInRemote();
    private final List<String> remoteChecks = new CopyOnWriteArrayList<>();
    private final CachedEntitlements cache = cache(EntitlementOptions.defaults(), time);

    @Test
    void everyRequestToTheRemoteIsTimedAndReportedAsAMissOrARefresh() {
        remote.delay = REMOTE_TIME;
        cache.checkFeature("acme", "export");
        cache.checkFeature("acme", "export");
        time.advance(PAST_TTL);
        cache.checkFeature("acme", "export");
        time.runTasks();
        remote.answering = false;
        cache.checkFeature("acme", "reports");

        assertThat(remoteChecks).containsExactly("miss answered PT0.12S", "refresh answered PT0.12S",
                "miss no_answer PT0.12S");
    }

    @Test
    void atMostMaximumSizeAnswersAreKept() {
        CachedEntitlements small = cache(EntitlementOptions.builder().maximumSize(3).build(), time);

        for (int i = 0; i < 10; i++) {
            small.checkFeature("acme", "feature-" + i);
        }

        assertThat(small.cachedAnswers()).isEqualTo(3);
        assertThat(remote.calls.get()).isEqualTo(10);
    }

    @Test
    void aFailedRefreshKeepsTheAnswerAndIsNotRetriedBeforeTheTtlPassesAgain() {
        cache.checkFeature("acme", "export");
        remote.answering = false;
        time.advance(PAST_TTL);
        cache.checkFeature("acme", "export");
        assertThat(time.runTasks()).isEqualTo(1);

        AccessDecision kept = cache.checkFeature("acme", "export");
        time.advance(TTL.minusMillis(1));
        cache.checkFeature("acme", "export");
        int retriesWithinTheTtl = time.pendingTasks();
        time.advance(Duration.ofMillis(2));
        cache.checkFeature("acme", "export");

        assertThat(kept.allowed()).isTrue();
        assertThat(kept.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(retriesWithinTheTtl).isZero();
        assertThat(time.pendingTasks()).isEqualTo(1);
    }

    @Test
    void aRefresherThatRefusesTheTaskLeavesTheStaleAnswerServed() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shut down");
        };
        CachedEntitlements closed = CachedEntitlements.over(remote, EntitlementOptions.builder()
                .cacheTtl(TTL).build(), refusing, time);
        closed.checkFeature("acme", "export");
        time.advance(PAST_TTL);

        AccessDecision stale = closed.checkFeature("acme", "export");

        assertThat(stale.allowed()).isTrue();
        assertThat(stale.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(remote.calls.get()).isEqualTo(1);
    }

    @Test
    void aRemoteThatThrowsHasNoAnswerAndThePolicyDecides() {
        remote.throwing = true;

        AccessDecision denied = cache.checkEvent("acme", "api_call");
        AccessDecision allowed = cache.checkEvent("acme", "api_call", OnNoAnswer.ALLOW);

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        assertThat(remote.calls.get()).isEqualTo(2);
    }

    @Test
    void invalidatingACustomerDropsOnlyItsAnswers() {
        cache.checkFeature("acme", "export");
        cache.checkEvent("acme", "api_call");
        cache.checkFeature("globex", "export");

        cache.invalidate("acme");

        assertThat(cache.checkFeature("acme", "export").source()).isEqualTo(DecisionSource.REMOTE);
        assertThat(cache.checkEvent("acme", "api_call").source()).isEqualTo(DecisionSource.REMOTE);
        assertThat(cache.checkFeature("globex", "export").source()).isEqualTo(DecisionSource.CACHE);
        assertThat(remote.invalidated).containsExactly("acme");
    }

    @Test
    void trackedUsageAndReservationsCountAgainstTheCachedLimit() {
        remote.usage = 8;
        Reservation held = cache.tryConsume("acme", "api_call", 1);
        cache.onTracked(TrackMessage.builder("api_call").customerId("acme").build());

        AccessDecision full = cache.checkEvent("acme", "api_call");
        held.release();
        AccessDecision oneLeft = cache.checkEvent("acme", "api_call");

        assertThat(held.allowed()).isTrue();
        assertThat(full.allowed()).isFalse();
        assertThat(full.reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(oneLeft.allowed()).isTrue();
        assertThat(oneLeft.usage()).isEqualByComparingTo("9");
    }

    @Test
    void aReservationLargerThanTheRoomLeftIsDeniedAndHoldsNothing() {
        remote.usage = 9;

        Reservation tooLarge = cache.tryConsume("acme", "api_call", 2);
        tooLarge.release();
        Reservation lastUnit = cache.tryConsume("acme", "api_call", 1);
        Reservation overLimit = cache.tryConsume("acme", "api_call", 1);

        assertThat(tooLarge.allowed()).isFalse();
        assertThat(tooLarge.decision().reason()).isEqualTo(AccessReason.LIMIT_REACHED);
        assertThat(tooLarge.decision().usage()).isEqualByComparingTo("9");
        assertThat(lastUnit.allowed()).isTrue();
        assertThat(overLimit.allowed()).isFalse();
        assertThat(cache.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("10");
    }

    @Test
    void aReservationMadeDuringARefreshAndReleasedAfterItGivesItsUnitBack() {
        remote.usage = 8;
        cache.checkEvent("acme", "api_call");
        time.advance(PAST_TTL);
        cache.checkEvent("acme", "api_call");
        Reservation duringRefresh = cache.tryConsume("acme", "api_call", 1);
        assertThat(time.runTasks()).isEqualTo(1);

        AccessDecision held = cache.checkEvent("acme", "api_call");
        duringRefresh.release();

        assertThat(duringRefresh.allowed()).isTrue();
        assertThat(held.usage()).isEqualByComparingTo("9");
        assertThat(cache.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("8");
    }

    @Test
    void aReservationStillOpenAfterARefreshKeepsCountingUntilSettled() {
        remote.usage = 8;
        Reservation open = cache.tryConsume("acme", "api_call", 1);
        time.advance(PAST_TTL);
        cache.checkEvent("acme", "api_call");
        assertThat(time.runTasks()).isEqualTo(1);

        Reservation second = cache.tryConsume("acme", "api_call", 1);
        Reservation third = cache.tryConsume("acme", "api_call", 1);
        open.release();
        Reservation afterRelease = cache.tryConsume("acme", "api_call", 1);

        assertThat(open.allowed()).isTrue();
        assertThat(second.allowed()).isTrue();
        assertThat(third.allowed()).isFalse();
        assertThat(afterRelease.allowed()).isTrue();
        assertThat(cache.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("10");
    }

    @Test
    void usageCountedWhileARefreshIsBeingInstalledIsNotLost() {
        AtomicInteger injected = new AtomicInteger();
        boolean[] armed = {false};
        boolean[] inside = {false};
        CachedEntitlements[] hooked = new CachedEntitlements[1];
        Ticker countingOnEveryRead = () -> {
            long now = time.read();
            if (armed[0] && !inside[0]) {
                inside[0] = true;
                hooked[0].onTracked(TrackMessage.builder("api_call").customerId("acme").build());
                injected.incrementAndGet();
                inside[0] = false;
            }
            return now;
        };
        hooked[0] = CachedEntitlements.over(remote, EntitlementOptions.builder().cacheTtl(TTL).build(), time,
                countingOnEveryRead);
        remote.usage = 3;
        hooked[0].checkEvent("acme", "api_call");
        time.advance(PAST_TTL);
        hooked[0].checkEvent("acme", "api_call");
        remote.onAnswer = () -> armed[0] = true;
        assertThat(time.runTasks()).isEqualTo(1);
        armed[0] = false;

        AccessDecision after = hooked[0].checkEvent("acme", "api_call");

        assertThat(injected.get()).isPositive();
        assertThat(after.usage()).isEqualByComparingTo(String.valueOf(3 + injected.get()));
    }

    @Test
    void anAnswerInvalidatedWhileItLoadsStillHoldsTheReservationItAllowed() {
        remote.usage = 8;
        remote.onAnswer = () -> {
            remote.onAnswer = () -> { };
            cache.invalidate("acme");
        };

        Reservation reserved = cache.tryConsume("acme", "api_call", 1);
        AccessDecision whileHeld = cache.checkEvent("acme", "api_call");
        reserved.release();

        assertThat(reserved.allowed()).isTrue();
        assertThat(whileHeld.usage()).isEqualByComparingTo("9");
        assertThat(cache.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("8");
    }

    @Test
    void aKeysUsageIsForgottenOnceNoAnswerIsCachedAndNoReservationIsOpen() {
        Reservation open = cache.tryConsume("acme", "api_call", 1);
        cache.checkEvent("globex", "api_call");
        cache.invalidate("acme");
        cache.invalidate("globex");
        long whileOpen = cache.countedKeys();

        open.release();

        assertThat(whileOpen).isEqualTo(1);
        assertThat(cache.countedKeys()).isZero();
    }

    @Test
    void aMeteredCheckWithoutAnAnswerKeepsNoUsage() {
        remote.answering = false;

        cache.checkEvent("acme", "api_call");
        cache.tryConsume("acme", "api_call", 1, OnNoAnswer.ALLOW);

        assertThat(cache.countedKeys()).isZero();
    }

    @Test
    void answersDroppedAsTheyLoadAreDeniedEvenWhenTheNoAnswerPolicyAllows() {
        remote.usage = 8;
        remote.onAnswer = () -> cache.invalidate("acme");

        Reservation reserved = cache.tryConsume("acme", "api_call", 1, OnNoAnswer.ALLOW);
        int asked = remote.calls.get();
        remote.onAnswer = () -> { };

        assertThat(reserved.allowed()).isFalse();
        assertThat(reserved.decision().reason()).isEqualTo(AccessReason.BACKEND_UNAVAILABLE);
        assertThat(asked).isEqualTo(3);
        assertThat(cache.checkEvent("acme", "api_call").usage()).isEqualByComparingTo("8");
    }

    @Test
    void durationsTooLongForNanosecondsMeanForever() {
        CachedEntitlements forever = CachedEntitlements.over(remote, EntitlementOptions.builder()
                .cacheTtl(Duration.ofSeconds(Long.MAX_VALUE)).staleIfError(Duration.ofSeconds(Long.MAX_VALUE))
                .build(), time, time);
        forever.checkFeature("acme", "export");
        time.advance(Duration.ofDays(365 * 100));

        assertThat(forever.checkFeature("acme", "export").source()).isEqualTo(DecisionSource.CACHE);
        assertThat(remote.calls.get()).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsNeitherReachesTheCallerNorLosesTheAnswer() {
        cache.reportRemoteChecksTo(new TrackingListener() {
            @Override
            public void onRemoteAccessCheck(boolean refresh, boolean answered, Duration elapsed) {
                throw new IllegalStateException("listener bug");
            }
        });

        AccessDecision first = cache.checkFeature("acme", "export");
        AccessDecision second = cache.checkFeature("acme", "export");

        assertThat(first.source()).isEqualTo(DecisionSource.REMOTE);
        assertThat(second.source()).isEqualTo(DecisionSource.CACHE);
        assertThat(remote.calls.get()).isEqualTo(1);
    }

    @Test
    void blankArgumentsAreTheCallersMistake() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> cache.checkFeature(" ", "export")).withMessageContaining("customerId");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> cache.checkEvent("acme", "")).withMessageContaining("eventName");
        assertThat(remote.calls.get()).isZero();
    }

    private CachedEntitlements cache(EntitlementOptions options, ManualTime clock) {
        CachedEntitlements entitlements = CachedEntitlements.over(remote, options.toBuilder().cacheTtl(TTL).build(), clock,
                clock);
        entitlements.reportRemoteChecksTo(new TrackingListener() {
            @Override
            public void onRemoteAccessCheck(boolean refresh, boolean answered, Duration elapsed) {
                remoteChecks.add((refresh ? "refresh " : "miss ") + (answered ? "answered " : "no_answer ")
                        + elapsed);
            }
        });
        return entitlements;
    }

    /** A remote that takes {@code delay} of the manual clock per request; every feature allowed, 10 events. */
    private final class StandInRemote implements Entitlements {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> invalidated = new CopyOnWriteArrayList<>();
        volatile boolean answering = true;
        volatile boolean throwing;
        volatile long usage;
        volatile Duration delay = Duration.ZERO;
        volatile Runnable onAnswer = () -> { };

        @Override
        public AccessDecision checkFeature(String customerId, String feature, OnNoAnswer onNoAnswer) {
            ask();
            return answering ? AccessDecision.forFeature(customerId, feature, true, AccessReason.IN_PLAN,
                    DecisionSource.REMOTE) : fallback(customerId, feature, null);
        }

        @Override
        public AccessDecision checkEvent(String customerId, String eventName, OnNoAnswer onNoAnswer) {
            ask();
            return answering ? AccessDecision.forEvent(customerId, eventName, true, AccessReason.IN_PLAN,
                    java.math.BigDecimal.valueOf(usage), java.math.BigDecimal.TEN, DecisionSource.REMOTE)
                    : fallback(customerId, null, eventName);
        }

        @Override
        public void invalidate(String customerId) {
            invalidated.add(customerId);
        }

        private void ask() {
            calls.incrementAndGet();
            time.advance(delay);
            if (throwing) {
                throw new IllegalStateException("remote down");
            }
            onAnswer.run();
        }

        private AccessDecision fallback(String customerId, String feature, String event) {
            return new AccessDecision(false, AccessReason.BACKEND_UNAVAILABLE, customerId, feature, event, null,
                    null, DecisionSource.FALLBACK);
        }
    }
}
