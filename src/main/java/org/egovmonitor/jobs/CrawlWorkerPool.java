package org.egovmonitor.jobs;

import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.core.observations.ObservationStore;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurer;
import org.egovmonitor.db.CrawlQueueDao;
import org.egovmonitor.db.CrawlQueueDao.ClaimedItem;
import org.egovmonitor.db.JobRunDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl workers of one node. Every node runs its own pool, so adding nodes adds crawl throughput: each thread
 * claims one item at a time from the shared queue ({@code FOR UPDATE SKIP LOCKED} plus a lease), measures the site,
 * saves the measurement under the task key {@code crawl-item:<id>} and marks the item done.
 *
 * <ul>
 *   <li>An exception from the measurer or the store is a failed attempt: the item goes back to PENDING after an
 *       exponential backoff, and is FAILED with the error after {@code maxAttempts}. An unreachable site is not a
 *       failure: the measurer reports it as a measurement.</li>
 *   <li>A node that dies keeps its claims until their lease runs out; then any node reclaims them. Every update of
 *       an item is fenced by the claim's attempt number, so a node that comes back late cannot overwrite the new
 *       claim, and the task key keeps the observation store from storing a site twice.</li>
 *   <li>A graceful stop waits (bounded) for the items in hand and hands back those still running.</li>
 * </ul>
 */
public class CrawlWorkerPool implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlWorkerPool.class);
    /** Idle polls between two sweeps for rounds that are complete but not finished. */
    private static final int SWEEP_EVERY = 5;
    private static final long STOP_WAIT_MS = 30_000;

    private final String nodeId;
    private final SchedulerConfiguration config;
    private final Jdbi jdbi;
    private final SiteMeasurer measurer;
    private final ObservationStore store;
    private final CrawlRounds rounds;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final List<AtomicReference<ClaimedItem>> inHand = new ArrayList<>();
    private volatile boolean running;

    public CrawlWorkerPool(String nodeId, SchedulerConfiguration config, Jdbi jdbi, SiteMeasurer measurer,
                           ObservationStore store, CrawlRounds rounds, Clock clock) {
        this.nodeId = nodeId;
        this.config = config;
        this.jdbi = jdbi;
        this.measurer = measurer;
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < config.getCrawlWorkersPerNode(); i++) {
            AtomicReference<ClaimedItem> slot = new AtomicReference<>();
            Thread t = new Thread(() -> loop(slot), "crawl-worker-" + i);
            t.setDaemon(true);
            inHand.add(slot);
            threads.add(t);
            t.start();
        }
        LOG.info("{} crawl workers started on node {}", threads.size(), nodeId);
    }

    /** Ends idle waits at once (a round was just created on this node). */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        wake();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        for (AtomicReference<ClaimedItem> slot : inHand) {
            ClaimedItem item = slot.get();
            if (item != null) {
                int released = jdbi.withExtension(CrawlQueueDao.class,
                        d -> d.release(item.id(), nodeId, item.attempt()));
                LOG.warn("Stopping with crawl item {} ({}) in hand: {}", item.id(), item.url(),
                        released == 1 ? "handed back" : "already taken over");
            }
        }
        threads.clear();
        inHand.clear();
        LOG.info("Crawl workers of node {} stopped", nodeId);
    }

    private void loop(AtomicReference<ClaimedItem> slot) {
        int idlePolls = 0;
        while (running) {
            Optional<ClaimedItem> claimed;
            try {
                claimed = jdbi.withExtension(CrawlQueueDao.class,
                        d -> d.claim(nodeId, config.getLeaseSeconds()));
            } catch (RuntimeException e) {
                LOG.warn("Could not claim a crawl item: {}", e.toString());
                idle();
                continue;
            }
            if (claimed.isEmpty()) {
                if (++idlePolls % SWEEP_EVERY == 0) {
                    sweep();
                }
                idle();
                continue;
            }
            idlePolls = 0;
            ClaimedItem item = claimed.get();
            slot.set(item);
            try {
                process(item);
            } catch (RuntimeException e) {
                // Bookkeeping failed (database gone?): the lease will hand the item to someone else.
                LOG.error("Crawl item {} ({}) could not be recorded", item.id(), item.url(), e);
            } finally {
                slot.set(null);
            }
        }
    }

    private void sweep() {
        try {
            rounds.finishCompleted();
        } catch (RuntimeException e) {
            LOG.warn("Round sweep failed: {}", e.toString());
        }
    }

    private void idle() {
        synchronized (wakeUp) {
            if (!running) {
                return;
            }
            try {
                wakeUp.wait(Math.max(1, config.getPollInterval().toMilliseconds()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    void process(ClaimedItem item) {
        if (item.attempt() > config.getMaxAttempts()) {
            fail(item, "lease expired " + (item.attempt() - 1) + " times: the node measuring it stopped", 0);
            return;
        }
        try {
            SiteMeasurement m = measurer.measure(URI.create(item.url()), SiteKind.valueOf(item.kind()),
                    item.measuredOn());
            if (m == null) {
                throw new IllegalStateException("the measurer returned no measurement");
            }
            boolean stored = store.save("crawl-item:" + item.id(), item.siteId(), m, clock.instant());
            boolean marked = jdbi.inTransaction(h -> {
                if (h.attach(CrawlQueueDao.class).markDone(item.id(), nodeId, item.attempt(), stored) != 1) {
                    return false;
                }
                h.attach(JobRunDao.class).addProgress(item.runId(), 1, 0);
                return true;
            });
            if (!marked) {
                LOG.warn("Crawl item {} ({}) was taken over after its lease ran out; its result was already saved"
                        + " once under its task key", item.id(), item.url());
            }
        } catch (Exception e) {
            fail(item, RunRecorder.describe(e), config.getMaxAttempts());
        }
        rounds.tryFinish(item.roundId());
    }

    private void fail(ClaimedItem item, String error, int maxAttempts) {
        double backoffSeconds = config.backoffAfter(item.attempt()).toMillis() / 1000.0;
        String reason = RunRecorder.clip(error);
        Optional<String> status = jdbi.inTransaction(h -> {
            Optional<String> s = h.attach(CrawlQueueDao.class)
                    .markFailed(item.id(), nodeId, item.attempt(), reason, maxAttempts, backoffSeconds);
            if (s.isPresent() && s.get().equals("FAILED")) {
                JobRunDao runs = h.attach(JobRunDao.class);
                runs.addProgress(item.runId(), 1, 1);
                runs.addFailure(item.runId(), item.url(), "attempt " + item.attempt() + ": " + reason);
            }
            return s;
        });
        LOG.info("Crawl item {} ({}) attempt {} failed ({}): {}", item.id(), item.url(), item.attempt(),
                status.orElse("taken over"), reason);
        if (status.isPresent() && status.get().equals("FAILED")) {
            rounds.tryFinish(item.roundId());
        }
    }
}
