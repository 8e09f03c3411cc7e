package org.egovmonitor.jobs;

import java.time.Instant;
import org.egovmonitor.platform.Failures;
import org.egovmonitor.platform.Messages;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the jobs: records a run (node, cause, planned fire time), calls the job's service, and records how it
 * ended. A failure is recorded and logged by Quartz; it is not refired (the next schedule tries again).
 */
abstract class RecordedJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedJob.class);

    /** Job data key saying why a run started; absent means its trigger fired on schedule. */
    static final String CAUSE = "cause";

    protected final RunRecorder runs;
    private final JobName name;

    protected RecordedJob(JobName name, RunRecorder runs) {
        this.name = name;
        this.runs = runs;
    }

    @Override
    public final void execute(JobExecutionContext context) throws JobExecutionException {
        sweepAbandonedRuns();
        long runId = runs.start(name, instanceId(context), cause(context), scheduledFor(context));
        try {
            runs.succeeded(runId, run(context, runId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.failed(runId, Messages.get("failure.interrupted"));
            throw new JobExecutionException(e, false);
        } catch (Exception e) {
            runs.failed(runId, Messages.get("failure.run", Failures.describe(e)));
            throw new JobExecutionException(e, false);
        }
    }

    private void sweepAbandonedRuns() {
        try {
            int failed = runs.failAbandoned();
            if (failed > 0) {
                LOG.warn("{} run(s) of nodes that stopped checking in were marked failed", failed);
            }
        } catch (RuntimeException e) {
            // Housekeeping only: this job still runs.
            LOG.warn("could not mark abandoned runs failed", e);
        }
    }

    /** Does the work; returns the run's summary message. */
    protected abstract String run(JobExecutionContext context, long runId) throws Exception;

    static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    static String cause(JobExecutionContext context) {
        String cause = context.getMergedJobDataMap().getString(CAUSE);
        return cause == null ? "SCHEDULED" : cause;
    }

    static Instant scheduledFor(JobExecutionContext context) {
        return context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant();
    }
}
