package org.egovmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    private static Thread parked(String name, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void until_conditionBecomesTrue_returns() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        Await.until("the third poll", Duration.ofSeconds(30), () -> polls.incrementAndGet() >= 3);
        assertThat(polls).hasValue(3);
    }

    @Test
    void until_neverTrue_failsNamingTheCondition() {
        assertThatThrownBy(() -> Await.until("a miracle", Duration.ZERO, () -> false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a miracle");
    }

    @Test
    void threadsEnded_threadReleasedWhileWaiting_returnsOnceItEnded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = parked("await-test-ends", release);
        release.countDown();
        Await.threadsEnded("the release", Duration.ofSeconds(30), th -> th.getName().equals("await-test-ends"));
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void threadsEnded_threadStillBlocked_failsNamingIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = parked("await-test-stuck", release);
        try {
            assertThatThrownBy(() -> Await.threadsEnded("nothing", Duration.ZERO,
                    th -> th.getName().equals("await-test-stuck")))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("await-test-stuck");
        } finally {
            release.countDown();
            t.join();
        }
    }
}
