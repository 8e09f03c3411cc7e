package org.egovmonitor.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.db.CrawlQueueDao;
import org.egovmonitor.db.JobRunDao;
import org.egovmonitor.db.UnitDao;
import org.egovmonitor.errors.NotFoundException;
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

    public record Started(long roundId, long runId, int total) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile FinishListener listener = (roundId, runId) -> { };

    /** Advisory lock key of round creation ("crawl" in ASCII); any constant no other code uses. */
    static final long ROUND_START_LOCK = 0x637261776cL;

    public CrawlRounds(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
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
            return new Started(roundId, runId, total);
        });
        LOG.info("Crawl round {} started by {}: {} sites", started.roundId(), instanceId, started.total());
        tryFinish(started.roundId());
        return started;
    }

    /**
     * Finishes the round if nothing is pending or claimed. Called after every item, and by idle workers as a sweep
     * (a node can die between its last item and this call). Only the caller that finishes it tells the listener.
     */
    public boolean tryFinish(long roundId) {
        Optional<Long> runId = jdbi.inTransaction(h -> {
            Optional<Long> finished = h.attach(CrawlQueueDao.class).finishIfComplete(roundId);
            finished.ifPresent(id -> {
                CrawlQueueDao.RoundProgress p = h.attach(CrawlQueueDao.class).progress(roundId).orElseThrow();
                h.attach(JobRunDao.class).finish(id, org.egovmonitor.api.JobRunStatus.SUCCEEDED,
                        String.format("round %d: %d sites, %d measured, %d failed", roundId, p.total(), p.done(),
                                p.failed()));
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
