package org.egovmonitor.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.UnitDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawl rounds: creating one (a work item per monitored site), finishing one when no item is left, and reading
 * its progress. The items themselves are worked off by {@link CrawlWorkerPool}s on every node.
 */
public class CrawlRounds {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlRounds.class);

    /** Told once per round, by the node whose call finished it. */
    public interface FinishListener {
        void roundFinished(long roundId, long runId);
    }

    public record Started(long roundId, long runId, int total, CrawlWorkerSizing.Decision sizing) {
    }

    /** Recent measured sites the sizing reads, and how many it needs before it trusts them over the default. */
    static final int SIZING_SAMPLE = 2000;
    static final int SIZING_MIN_SAMPLE = 20;
    /** A node that has not checked in to the Quartz cluster for this long (or 4 check-in intervals) is not counted. */
    static final long LIVE_NODE_GRACE_MS = 30_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SchedulerConfiguration config;
    private final CrawlWorkerSizing.NodeLimits limits;
    private volatile FinishListener listener = (roundId, runId) -> { };

    /** Advisory lock key of round creation ("crawl" in ASCII); any constant no other code uses. */
    static final long ROUND_START_LOCK = 0x637261776cL;

    /** With the default configuration ({@code auto} workers, 2 h window) and a small pool: for tests. */
    public CrawlRounds(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, new SchedulerConfiguration(), CrawlWorkerSizing.NodeLimits.ofThisJvm(10,
                new SchedulerConfiguration().getCrawlWorkerHeap().toBytes()));
    }

    /**
     * @param config the node's scheduler configuration (workers: auto or fixed, the round window)
     * @param limits what this node can afford, for the workers it records on the rounds it starts
     */
    public CrawlRounds(Jdbi jdbi, Clock clock, SchedulerConfiguration config, CrawlWorkerSizing.NodeLimits limits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.config = config;
        this.limits = limits;
    }

    public CrawlWorkerSizing.NodeLimits limits() {
        return limits;
    }

    public void onFinish(FinishListener finishListener) {
        this.listener = finishListener;
    }

    /**
     * Records a run of {@code crawl-round} and creates its round in one transaction.
     *
     * @param unitCode only this unit's sites; null for every monitored site
     * @throws NotFoundException      when the unit does not exist
     * @throws RoundRunningException  when a round is running (on any node)
     */
    public Started start(String unitCode, String instanceId, String cause, Instant scheduledFor) {
        Started started = jdbi.inTransaction(h -> {
            if (unitCode != null && h.attach(UnitDao.class).find(unitCode).isEmpty()) {
                throw NotFoundException.unit(unitCode);
            }
            JobRunDao runs = h.attach(JobRunDao.class);
            CrawlQueueDao queue = h.attach(CrawlQueueDao.class);
            // One round at a time across the cluster: nodes serialise here (the lock ends with the transaction),
            // so two triggers never both see "none running"; two rounds' follow-up snapshots collided before.
            h.execute("SELECT pg_advisory_xact_lock(?)", ROUND_START_LOCK);
            requireNoneRunning(queue);
            long runId = runs.start(JobName.CRAWL_ROUND.id(), instanceId, cause, scheduledFor, null);
            long roundId = queue.createRound(runId, unitCode, LocalDate.now(clock));
            int total = queue.addItems(roundId, unitCode);
            queue.setRoundTotal(roundId, total);
            runs.setTotal(runId, total);
            CrawlWorkerSizing.Decision sizing = size(queue, total);
            queue.recordSizing(roundId, config.getRoundWindow().toMilliseconds(),
                    config.fixedCrawlWorkers().isPresent() ? null : sizing.needed(), sizing.workers(), sizing.note());
            runs.setMessage(runId, sizing.note());
            return new Started(roundId, runId, total, sizing);
        });
        LOG.info("Crawl round {} started by {}: {} sites, {} crawl workers per node ({})", started.roundId(),
                instanceId, started.total(), started.sizing().workers(), started.sizing().note());
        tryFinish(started.roundId());
        return started;
    }

    /** The workers per node for a round of {@code sites}: fixed, or sized from the recent history and the cluster. */
    private CrawlWorkerSizing.Decision size(CrawlQueueDao queue, int sites) {
        java.util.OptionalInt fixed = config.fixedCrawlWorkers();
        if (fixed.isPresent()) {
            return new CrawlWorkerSizing.Decision(fixed.getAsInt(), fixed.getAsInt(), CrawlWorkerSizing.Bound.DEMAND,
                    Messages.get("sizing.fixed", fixed.getAsInt()));
        }
        CrawlQueueDao.SiteSeconds history = queue.recentSiteSeconds(SIZING_SAMPLE);
        boolean measured = history.sampled() >= SIZING_MIN_SAMPLE && history.p90() != null;
        return CrawlWorkerSizing.decide(new CrawlWorkerSizing.Demand(sites,
                measured ? history.p90() : CrawlWorkerSizing.DEFAULT_SECONDS_PER_SITE,
                measured ? history.sampled() : 0, config.getRoundWindow().toJavaDuration(),
                Math.max(1, queue.liveNodes(LIVE_NODE_GRACE_MS))), limits);
    }

    /**
     * Records, once, that a running round cannot finish inside its window (its estimate passes the window, or it
     * already ran longer): a sentence on the round and in its run's message. Called after every finished item.
     */
    public void checkWindow(long roundId) {
        Optional<CrawlQueueDao.RoundRecord> round = jdbi.withExtension(CrawlQueueDao.class, d -> d.round(roundId));
        if (round.isEmpty() || !round.get().status().equals("RUNNING") || round.get().overrunNote() != null) {
            return;
        }
        Optional<RoundEstimate> estimate = estimate(round.get());
        Instant now = clock.instant();
        if (estimate.isEmpty() || !estimate.get().exceedsWindow(now)) {
            return;
        }
        String note = estimate.get().overrunNote(now, clock.getZone());
        boolean first = jdbi.inTransaction(h -> {
            if (h.attach(CrawlQueueDao.class).recordOverrun(roundId, note) != 1) {
                return false;
            }
            h.attach(JobRunDao.class).appendMessage(round.get().runId(), note);
            return true;
        });
        if (first) {
            LOG.warn("Crawl round {} will not finish inside its window: {}", roundId, note);
        }
    }

    /** The round's estimate; empty for a round from before rounds had a window. */
    public static Optional<RoundEstimate> estimate(CrawlQueueDao.RoundRecord r) {
        if (r.windowMs() == null) {
            return Optional.empty();
        }
        return Optional.of(new RoundEstimate(r.finished(), r.total(), r.createdAt(),
                java.time.Duration.ofMillis(r.windowMs())));
    }

    /** The run record of a finished round: its figures, the overrun sentences if any, and how it was sized. */
    static String summary(CrawlQueueDao.RoundRecord r, CrawlQueueDao.RoundProgress p) {
        java.time.Duration took = java.time.Duration.between(r.createdAt(), r.finishedAt());
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "第 %d 轮完成：%d 个站点，%d 个已测量，%d 个失败，用时 %s。", r.id(), p.total(), p.done(), p.failed(),
                CrawlWorkerSizing.chinese(took)));
        if (r.overrunNote() != null) {
            s.append(r.overrunNote());
        }
        if (r.windowMs() != null && took.toMillis() > r.windowMs()) {
            s.append(RoundEstimate.ranLongerNote(took, java.time.Duration.ofMillis(r.windowMs())));
        }
        if (r.sizingNote() != null) {
            s.append(r.sizingNote());
        }
        return s.toString();
    }

    /**
     * Finishes the round if nothing is pending or claimed. Called after every item, and by idle workers as a sweep
     * (a node can die between its last item and this call). Only the caller that finishes it tells the listener.
     */
    public boolean tryFinish(long roundId) {
        Optional<Long> runId = jdbi.inTransaction(h -> {
            Optional<Long> finished = h.attach(CrawlQueueDao.class).finishIfComplete(roundId);
            finished.ifPresent(id -> {
                CrawlQueueDao queue = h.attach(CrawlQueueDao.class);
                CrawlQueueDao.RoundProgress p = queue.progress(roundId).orElseThrow();
                CrawlQueueDao.RoundRecord r = queue.round(roundId).orElseThrow();
                if (r.overrunNote() == null && r.windowMs() != null
                        && java.time.Duration.between(r.createdAt(), r.finishedAt()).toMillis() > r.windowMs()) {
                    queue.recordOverrun(roundId, RoundEstimate.ranLongerNote(
                            java.time.Duration.between(r.createdAt(), r.finishedAt()),
                            java.time.Duration.ofMillis(r.windowMs())));
                }
                h.attach(JobRunDao.class).finish(id, org.egovmonitor.jobs.JobRunStatus.SUCCEEDED, summary(r, p));
            });
            return finished;
        });
        if (runId.isEmpty()) {
            return false;
        }
        LOG.info("Crawl round {} finished", roundId);
        try {
            listener.roundFinished(roundId, runId.get());
        } catch (RuntimeException e) {
            LOG.error("After crawl round {}: follow-up failed", roundId, e);
        }
        return true;
    }

    /** @throws RoundRunningException naming the oldest running round, when one is running */
    static void requireNoneRunning(CrawlQueueDao queue) {
        List<Long> running = queue.runningRounds();
        if (!running.isEmpty()) {
            throw new RoundRunningException(running.get(0));
        }
    }

    /** Sweep: finishes every running round that has nothing left. */
    public void finishCompleted() {
        for (long roundId : jdbi.withExtension(CrawlQueueDao.class, CrawlQueueDao::runningRounds)) {
            tryFinish(roundId);
        }
    }

    public Optional<CrawlQueueDao.RoundProgress> progress(long roundId) {
        return jdbi.withExtension(CrawlQueueDao.class, d -> d.progress(roundId));
    }
}
