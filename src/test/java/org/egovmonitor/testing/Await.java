package org.egovmonitor.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waiting in tests on a condition, never for a fixed time: a test waits exactly as long as the thing takes on a busy
 * machine, and fails with what it waited for when the deadline passes.
 */
public final class Await {

    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /** Polls the condition until it holds; fails naming {@code what} once {@code timeout} has passed. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Waits until no live thread matches, joining each in turn (a thread that has finished its work may still be
     * alive for a moment after the pool that ran it reports termination); fails naming the threads still alive at
     * the deadline. Threads that a matching thread starts meanwhile are waited for too.
     */
    public static void threadsEnded(String what, Duration timeout, Predicate<Thread> matches)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Thread> alive = live(matches).stream().findFirst();
            if (alive.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("threads still alive " + timeout + " after " + what + ": "
                        + live(matches).stream().map(Thread::getName).sorted().toList());
            }
            alive.get().join(Math.max(1, left / 1_000_000));
        }
    }

    private static List<Thread> live(Predicate<Thread> matches) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(matches).toList();
    }
}
