package org.egovmonitor.crawler.fetch;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness towards one host: at most {@code concurrency} requests at once, and request starts spaced by at
 * least the current delay (the configured per-host delay, or a larger robots.txt Crawl-delay).
 */
final class HostGate {

    private final Semaphore permits;
    private final long baseDelayMs;
    private volatile long delayMs;
    private long nextStartNanos; // guarded by this

    HostGate(int concurrency, long baseDelayMs) {
        this.permits = new Semaphore(concurrency, true);
        this.baseDelayMs = baseDelayMs;
        this.delayMs = baseDelayMs;
        this.nextStartNanos = System.nanoTime();
    }

    /** Applies a robots.txt Crawl-delay (already capped); a delay below the configured one is ignored. */
    void crawlDelay(long crawlDelayMs) {
        delayMs = Math.max(baseDelayMs, crawlDelayMs);
    }

    long delayMs() {
        return delayMs;
    }

    /**
     * Waits for a permit and for this request's start slot, within what is left of the fetch's queue budget. The
     * caller holds the fetch's deadline paused meanwhile: a turn at a busy shared host is not the site's slowness.
     *
     * @throws FetchFailure QUEUE_TIMEOUT when the wait would outlast the queue budget
     */
    void enter(Deadline.QueueWait queue) throws FetchFailure, InterruptedException {
        if (!permits.tryAcquire(Math.max(0, queue.remainingNanos()), TimeUnit.NANOSECONDS)) {
            throw new FetchFailure(FetchErrorKind.QUEUE_TIMEOUT, "queue wait passed waiting for a host slot");
        }
        try {
            long startAt;
            synchronized (this) {
                startAt = Math.max(System.nanoTime(), nextStartNanos);
                nextStartNanos = startAt + TimeUnit.MILLISECONDS.toNanos(delayMs);
            }
            long wait = startAt - System.nanoTime();
            if (wait > queue.remainingNanos()) {
                throw new FetchFailure(FetchErrorKind.QUEUE_TIMEOUT,
                        "host delay of " + delayMs + " ms would outlast the queue wait");
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (FetchFailure | InterruptedException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void exit() {
        permits.release();
    }
}
