package dev.tracking.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadStopTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private Thread thread;

    @AfterEach
    void releaseThread() throws InterruptedException {
        release.countDown();
        if (thread != null) {
            thread.join();
        }
    }

    private Thread started(Runnable body) {
        thread = new Thread(body, "thread-stop-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPassedDeadlineDoesNotWaitForARunningThread() throws InterruptedException {
        Thread running = started(this::awaitRelease);

        assertThat(ThreadStop.joinUntil(running, System.nanoTime() - 1)).isFalse();
        assertThat(running.isAlive()).isTrue();
    }

    @Test
    void aThreadThatEndsInTimeIsNotInterrupted() throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread ending = started(() -> {
            awaitRelease();
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        release.countDown();

        assertThat(ThreadStop.joinOrInterrupt(ending, System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void aThreadStillRunningAtTheDeadlineIsInterruptedAndStops() throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread waiting = started(() -> {
            awaitRelease();
            interrupted.set(Thread.currentThread().isInterrupted());
        });

        assertThat(ThreadStop.joinOrInterrupt(waiting, System.nanoTime() - 1)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void aThreadThatIgnoresTheInterruptIsReportedAsRunning() throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread stubborn = started(() -> {
            awaitRelease();
            interrupted.set(Thread.interrupted());
            awaitRelease();
        });

        assertThat(ThreadStop.interruptAndJoinUntil(stubborn, System.nanoTime() - 1)).isFalse();
        await().untilTrue(interrupted);
        assertThat(stubborn.isAlive()).isTrue();
    }

    @Test
    void aStoppedThreadIsNotInterruptedAgain() throws InterruptedException {
        Thread ended = started(() -> { });
        ended.join();

        assertThat(ThreadStop.interruptAndJoinUntil(ended, System.nanoTime() - 1)).isTrue();
        assertThat(ended.isInterrupted()).isFalse();
    }
}
