package org.egovmonitor.jobs;

import org.egovmonitor.platform.Failures;
import org.egovmonitor.platform.Messages;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Starts a crawl round: records the run and creates one work item per monitored site, then returns. The run stays
 * RUNNING while the crawl workers of every node work the items off, and is finished by the worker that completes
 * the round (which then triggers the score snapshot). Optional job data {@code unit} limits the round to one unit.
 */
public class CrawlRoundJob implements Job {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrawlRoundJob.class);

    static final String UNIT = "unit";

    private final CrawlRounds rounds;
    private final RunRecorder runs;
    private final Runnable wakeLocalWorkers;
    private final boolean measurerWired;

    public CrawlRoundJob(CrawlRounds rounds, RunRecorder runs, Runnable wakeLocalWorkers, boolean measurerWired) {
        this.rounds = rounds;
        this.runs = runs;
        this.wakeLocalWorkers = wakeLocalWorkers;
        this.measurerWired = measurerWired;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String node = RecordedJob.instanceId(context);
        String cause = RecordedJob.cause(context);
        if (!measurerWired) {
            long runId = runs.start(JobName.CRAWL_ROUND, node, cause, RecordedJob.scheduledFor(context));
            runs.failed(runId, "node " + node + " was built without a measurer and observation store");
            return;
        }
        try {
            rounds.start(context.getMergedJobDataMap().getString(UNIT), node, cause,
                    RecordedJob.scheduledFor(context));
            wakeLocalWorkers.run();
        } catch (RoundRunningException e) {
            // A schedule firing during a long round: the running round already covers it.
            LOG.info("Crawl round not started ({}): round {} is still running", cause, e.roundId());
        } catch (RuntimeException e) {
            long runId = runs.start(JobName.CRAWL_ROUND, node, cause, RecordedJob.scheduledFor(context));
            runs.failed(runId, Messages.get("failure.round", Failures.describe(e)));
            throw new JobExecutionException(e, false);
        }
    }
}
