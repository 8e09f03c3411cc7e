package org.egovmonitor.crawler.fetch;

import java.util.concurrent.TimeUnit;

/** A wall-clock budget, measured on the monotonic clock. */
final class Deadline {

    private final long startNanos;
    private final long endNanos;

    private Deadline(long startNanos, long budgetMs) {
        this.startNanos = startNanos;
        this.endNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(budgetMs);
    }

    static Deadline startingNow(long budgetMs) {
        return new Deadline(System.nanoTime(), budgetMs);
    }

    long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    /** Whole milliseconds left, at least 1 while any time is left, 0 once expired. */
    long remainingMs() {
        long n = remainingNanos();
        return n <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(n));
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** {@code timeoutMs} shortened to what is left of the budget, at least 1 ms (0 would mean "no timeout"). */
    int cap(long timeoutMs) {
        return (int) Math.max(1, Math.min(Math.min(timeoutMs, remainingMs()), Integer.MAX_VALUE));
    }
}
