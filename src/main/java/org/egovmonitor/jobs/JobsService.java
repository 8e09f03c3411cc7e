package org.egovmonitor.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Jdbi;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/** What the jobs API shows and does: schedules, recorded runs, manual triggers. */
public class JobsService {

    private final ClusteredScheduler scheduler;
    private final Jdbi jdbi;
    private final RoundStarter startRound;
    private final java.time.Clock clock;

    /** Starts a crawl round now on this node: of every monitored site, or of one unit's ({@code unitCode}). */
    @FunctionalInterface
    public interface RoundStarter {
        CrawlRounds.Started start(String unitCode, String cause);
    }

    /**
     * @param startRound starts a crawl round now on this node (null when this node cannot measure: the trigger then
     *                   goes through the scheduler to a node that can)
     */
    public JobsService(ClusteredScheduler scheduler, Jdbi jdbi, RoundStarter startRound, java.time.Clock clock) {
        this.scheduler = scheduler;
        this.jdbi = jdbi;
        this.startRound = startRound;
        this.clock = clock;
    }

    public List<JobInfo> jobs() throws SchedulerException {
        List<JobInfo> jobs = new ArrayList<>();
        for (JobName job : JobName.values()) {
            List<? extends Trigger> triggers = scheduler.scheduler().getTriggersOfJob(job.key()).stream()
                    .filter(t -> t.getKey().equals(ClusteredScheduler.triggerKey(job))).toList();
            Trigger own = triggers.isEmpty() ? null : triggers.get(0);
            JobRun last = jdbi.withExtension(JobRunDao.class, d -> d.newest(job.id(), 1)).stream().findFirst()
                    .map(this::withEstimate).orElse(null);
            jobs.add(new JobInfo(job.id(), job.label(), job.description(),
                    own == null ? "on demand" : ClusteredScheduler.describe(own),
                    own == null ? Messages.get("schedule.onDemand") : ClusteredScheduler.scheduleLabel(own),
                    own == null ? null : ClusteredScheduler.misfireName(own),
                    own == null ? null : instant(own.getNextFireTime()),
                    own == null ? null : instant(own.getPreviousFireTime()), last));
        }
        return jobs;
    }

    public List<JobRun> runs(String job, int limit) {
        return jdbi.withExtension(JobRunDao.class, d -> d.newest(job, limit)).stream().map(this::withEstimate)
                .toList();
    }

    /** A running crawl round's run with its estimated finish (rate so far → time left) and whether it fits. */
    JobRun withEstimate(JobRun run) {
        CrawlRoundInfo r = run.round();
        if (r == null || r.windowMs() == null || run.status() != org.egovmonitor.jobs.JobRunStatus.RUNNING
                || run.total() == null) {
            return run;
        }
        RoundEstimate e = new RoundEstimate(run.done(), run.total(), run.startedAt(),
                java.time.Duration.ofMillis(r.windowMs()));
        Instant now = clock.instant();
        Instant finish = e.finish(now).orElse(null);
        return run.withRound(new CrawlRoundInfo(r.roundId(), r.windowMs(), r.workersNeeded(), r.workersPerNode(),
                r.sizing(), e.sitesPerMinute(now).orElse(null), finish,
                finish == null ? null : java.time.Duration.between(now, finish).toSeconds(),
                e.describe(now, clock.getZone()).orElse(null), r.overrun() != null || e.exceedsWindow(now),
                r.overrun()));
    }

    public JobRunDetail run(long id) {
        return jdbi.withExtension(JobRunDao.class, d -> d.find(id)
                .map(run -> new JobRunDetail(withEstimate(run), d.failures(id)))
                .orElseThrow(() -> new NotFoundException(Messages.get("error.jobs.runNotFound", id))));
    }

    /** What a manual trigger did: the job, and for a crawl round started here its round id. */
    public record Triggered(JobName job, Long roundId) {
    }

    /**
     * Asks the cluster to run the job now; unknown names are 404. A crawl round is created at once, so that a trigger
     * during a round answers 409 with the running round's id ({@link RoundRunningException}) rather than queueing a
     * second round.
     */
    public Triggered trigger(String name) throws SchedulerException {
        JobName job = JobName.of(name).orElseThrow(() -> new NotFoundException(
                Messages.get("error.jobs.jobNotFound", name)));
        if (job == JobName.CRAWL_ROUND && startRound != null) {
            return new Triggered(job, startRound.start(null, "MANUAL").roundId());
        }
        if (job == JobName.CRAWL_ROUND) {
            jdbi.useExtension(org.egovmonitor.jobs.CrawlQueueDao.class, CrawlRounds::requireNoneRunning);
        }
        scheduler.trigger(job, "MANUAL", null);
        return new Triggered(job, null);
    }

    /**
     * Re-measures one unit's sites now, as a crawl round of their items only (recorded as a crawl-round run with
     * {@code cause}, its progress shown like any round's).
     *
     * @throws RoundRunningException when a round is running; a re-check waits for it rather than queueing
     * @throws ConflictException     when this node does not crawl
     */
    public CrawlRounds.Started startUnitRound(String unitCode, String cause) {
        if (startRound == null) {
            throw new org.egovmonitor.errors.ConflictException(Messages.get("error.jobs.noRecheckHere"));
        }
        return startRound.start(unitCode, cause);
    }

    /** The crawl rounds running now (the city's or one unit's), for the page to say what a re-crawl waits for. */
    public List<RunningRound> runningRounds() {
        return jdbi.withExtension(CrawlQueueDao.class, CrawlQueueDao::running);
    }

    /**
     * The office's 立即重新采集: one unit's sites measured now, as a crawl round of their items only (cause
     * {@code RECRAWL}); its follow-up is the usual one. One round at a time: while any round runs, the 409 says
     * whose it is in words and carries its {@code roundId}, {@code runId} and {@code unitCode} (empty for the city's),
     * so that a second click on the same unit follows the round already running instead of starting another.
     *
     * @throws NotFoundException when the unit does not exist
     * @throws ConflictException when this node does not crawl, or a round is running
     */
    public CrawlRounds.Started recrawlUnit(String unitCode) {
        if (startRound == null) {
            throw new ConflictException(Messages.get("error.jobs.noCrawlHere"));
        }
        try {
            return startRound.start(unitCode, "RECRAWL");
        } catch (RoundRunningException e) {
            RunningRound r = runningRounds().stream().filter(x -> x.roundId() == e.roundId()).findFirst()
                    .orElse(null);
            if (r == null) {
                throw e;
            }
            String progress = Messages.get("error.jobs.progress", r.done() + r.failed(), r.total());
            String message;
            if (r.cityWide()) {
                message = Messages.get("error.jobs.fullRoundRunning", r.roundId(), progress);
            } else if (r.unitCode().equals(unitCode)) {
                message = Messages.get("error.jobs.sameUnitRunning", r.roundId(), progress);
            } else {
                message = Messages.get("error.jobs.otherUnitRunning",
                        r.unitName() == null ? r.unitCode() : r.unitName(), r.roundId(), progress);
            }
            throw new ConflictException(message, List.of(FieldError.of("roundId", Long.toString(r.roundId())),
                    FieldError.of("runId", Long.toString(r.runId())),
                    FieldError.of("unitCode", r.unitCode() == null ? "" : r.unitCode())));
        }
    }

    private static Instant instant(java.util.Date d) {
        return d == null ? null : d.toInstant();
    }
}
