package org.egovmonitor.jobs;

import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.egovmonitor.crawler.inspect.SiteContext;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurer;
import org.egovmonitor.jobs.CrawlQueueDao.ClaimedItem;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.platform.Failures;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitLeaderDao;
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
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Set<AtomicReference<ClaimedItem>> inHand = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    /** Renews the leases of the items in hand while they are measured; started and stopped with the workers. */
    private Thread leaseRenewer;
    /** Workers the pool runs for the current round; guarded by this. */
    private int target;
    /** Workers alive; guarded by this. */
    private int live;
    private int nextIndex;
    /** The round the pool was last sized for. */
    private volatile long sizedRound = -1;

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
        target = base();
        grow();
        leaseRenewer = new Thread(this::renewLeases, "crawl-lease-renewer-" + nodeId);
        leaseRenewer.setDaemon(true);
        leaseRenewer.start();
        LOG.info("{} crawl workers started on node {} ({})", live, nodeId,
                config.fixedCrawlWorkers().isPresent() ? "fixed" : "auto: sized again for every round");
    }

    /** Workers between rounds: the fixed number, or for {@code auto} the floor (within the node's ceiling). */
    private int base() {
        return config.fixedCrawlWorkers().orElse(Math.min(CrawlWorkerSizing.MIN_WORKERS,
                rounds.limits().ceiling()));
    }

    /** Workers running now. */
    public synchronized int size() {
        return live;
    }

    private synchronized void grow() {
        while (running && live < target) {
            AtomicReference<ClaimedItem> slot = new AtomicReference<>();
            Thread t = new Thread(() -> loop(slot), "crawl-worker-" + nodeId + "-" + nextIndex++);
            t.setDaemon(true);
            inHand.add(slot);
            threads.add(t);
            live++;
            t.start();
        }
    }

    /**
     * Sizes the pool for a round the first time one of its items is claimed here (the node that started it, or any
     * other node): the workers the round asked for ({@code workers_needed}, recorded by the node that started it),
     * within this node's own database-pool and memory ceiling. Fixed pools keep their size, and so does an auto pool
     * for a round started by a node with fixed workers (it records no need).
     */
    private void sizeFor(long roundId) {
        synchronized (this) {
            if (sizedRound == roundId) {
                return;
            }
            sizedRound = roundId;
        }
        if (config.fixedCrawlWorkers().isPresent()) {
            return;
        }
        Optional<Integer> needed;
        try {
            needed = jdbi.withExtension(CrawlQueueDao.class, d -> d.round(roundId))
                    .map(CrawlQueueDao.RoundRecord::workersNeeded);
        } catch (RuntimeException e) {
            // the item in hand still gets measured; the pool keeps its size for this round
            LOG.warn("Could not read the sizing of crawl round {}: {}", roundId, e.toString());
            return;
        }
        if (needed.isEmpty()) {
            return;
        }
        CrawlWorkerSizing.Decision d = CrawlWorkerSizing.bound(needed.get(), rounds.limits());
        synchronized (this) {
            if (sizedRound != roundId) {
                return;
            }
            target = d.workers();
            grow();
        }
        LOG.info("Node {}: {} crawl workers for round {} ({} asked for; {})", nodeId, d.workers(), roundId,
                needed.get(), d.note());
    }

    /**
     * True when this worker should end: the pool is above its target (a smaller round), or nothing is claimable and
     * the pool is above its size between rounds. {@code roundAtClaim} keeps a worker that found nothing just before
     * a new round was sized from shrinking that round's pool.
     */
    private synchronized boolean retire(boolean nothingToClaim, long roundAtClaim) {
        if (nothingToClaim && sizedRound == roundAtClaim) {
            target = Math.min(target, base());
        }
        if (live > target) {
            live--;
            return true;
        }
        return false;
    }

    /** Ends idle waits at once (a round was just created on this node). */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Not synchronized while it waits: the workers take the pool's lock to retire. */
    @Override
    public void stop() throws InterruptedException {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        wake();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        Thread renewer = leaseRenewer;
        if (renewer != null) {
            renewer.interrupt();
            renewer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
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
        synchronized (this) {
            threads.clear();
            inHand.clear();
            live = 0;
        }
        LOG.info("Crawl workers of node {} stopped", nodeId);
    }

    private void loop(AtomicReference<ClaimedItem> slot) {
        try {
            work(slot);
        } finally {
            inHand.remove(slot);
            threads.remove(Thread.currentThread());
        }
    }

    private void work(AtomicReference<ClaimedItem> slot) {
        int idlePolls = 0;
        while (running) {
            if (retire(false, sizedRound)) {
                return;
            }
            long roundAtClaim = sizedRound;
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
                if (retire(true, roundAtClaim)) {
                    return;
                }
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
                sizeFor(item.roundId());
                process(item);
            } catch (RuntimeException e) {
                // Bookkeeping failed (database gone?): the lease will hand the item to someone else.
                LOG.error("Crawl item {} ({}) could not be recorded", item.id(), item.url(), e);
            } finally {
                slot.set(null);
            }
        }
    }

    /**
     * A measurement may take longer than the lease (a slow site, a loaded machine): a third of the lease after each
     * renewal, every item still in hand gets its full lease again. Without this, a live node's item was taken over
     * by another worker once its lease ran out, measured twice, and after maxAttempts failed as if its node had died.
     */
    private void renewLeases() {
        long every = Math.max(200, TimeUnit.SECONDS.toMillis(config.getLeaseSeconds()) / 3);
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            List<ClaimedItem> held = inHand.stream().map(AtomicReference::get).filter(Objects::nonNull).toList();
            if (held.isEmpty()) {
                continue;
            }
            try {
                jdbi.useExtension(CrawlQueueDao.class, d -> held.forEach(item ->
                        d.renewLease(item.id(), nodeId, item.attempt(), config.getLeaseSeconds())));
            } catch (RuntimeException e) {
                // The database is unreachable: the claims lapse and another node takes them, as for a dead node.
                LOG.warn("Could not renew crawl leases on node {}: {}", nodeId, e.toString());
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
                    item.measuredOn(), context(item.siteId()));
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
            fail(item, Failures.describe(e), config.getMaxAttempts());
        }
        if (!rounds.tryFinish(item.roundId())) {
            rounds.checkWindow(item.roundId());
        }
    }

    /**
     * What the registry knows of the site's unit that the inspection checks read (its name, its leaders). Read per
     * item, so a leader changed in the registry counts from the next crawl on; a failed read measures without it
     * (the leader check then says it could not judge) rather than failing the item.
     */
    private SiteContext context(long siteId) {
        try {
            return jdbi.withHandle(h -> {
                UnitLeaderDao leaders = h.attach(UnitLeaderDao.class);
                return new SiteContext(leaders.unitNameOfSite(siteId).orElse(null), leaders.ofSite(siteId).stream()
                        .map(l -> new SiteContext.Leader(l.name(), l.post())).toList());
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not read the unit's leaders of site {}: {}", siteId, e.toString());
            return SiteContext.NONE;
        }
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
