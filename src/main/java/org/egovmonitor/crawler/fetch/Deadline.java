package org.egovmonitor.crawler.fetch;

import java.util.concurrent.TimeUnit;

/**
 * A wall-clock budget, measured on the monotonic clock, with time spent queueing for a politeness turn left out.
 *
 * <p>Many sites share one host (township pages under their county's host), and each waits its turn at the host's
 * gate. That wait says nothing about the site, so it must not eat the fetch's budget: {@link #queue()} opens a
 * {@link QueueWait} whose duration is added back to the deadline when it closes. The queue wait has its own, separate
 * bound ({@code maxQueueWaitMs}, shared by every queue of one fetch), whose expiry is QUEUE_TIMEOUT.
 *
 * <p>Used by one thread at a time (the fetching thread); the HTTP call and the DNS wait only ever get a copy of the
 * time left.
 */
final class Deadline {

    private final long queueBudgetNanos;
    private long startNanos;
    private long endNanos;
    private long queuedNanos;

    private Deadline(long startNanos, long budgetMs, long queueBudgetMs) {
        this.startNanos = startNanos;
        this.endNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(budgetMs);
        this.queueBudgetNanos = TimeUnit.MILLISECONDS.toNanos(queueBudgetMs);
    }

    /** A budget of {@code budgetMs} of work, plus at most {@code queueBudgetMs} of queueing that does not count. */
    static Deadline startingNow(long budgetMs, long queueBudgetMs) {
        return new Deadline(System.nanoTime(), budgetMs, queueBudgetMs);
    }

    long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    /** Time spent on the fetch itself: queue waits are not counted. */
    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Total time spent queueing so far. */
    long queuedMs() {
        return TimeUnit.NANOSECONDS.toMillis(queuedNanos);
    }

    /** Starts a wait for a politeness turn: the deadline is paused until the returned wait is closed. */
    QueueWait queue() {
        return new QueueWait(System.nanoTime());
    }

    /** A wait in a politeness queue; closing it gives the waited time back to the deadline. */
    final class QueueWait implements AutoCloseable {
        private final long enteredNanos;
        private boolean closed;

        private QueueWait(long enteredNanos) {
            this.enteredNanos = enteredNanos;
        }

        /** What is left of the fetch's queue budget (may be negative once spent). */
        long remainingNanos() {
            return queueBudgetNanos - queuedNanos - (System.nanoTime() - enteredNanos);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            long waited = Math.max(0, System.nanoTime() - enteredNanos);
            queuedNanos += waited;
            startNanos += waited;
            endNanos += waited;
        }
    }
}
