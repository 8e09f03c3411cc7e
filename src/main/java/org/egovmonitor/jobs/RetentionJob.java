package org.egovmonitor.jobs;

import org.egovmonitor.retention.RetentionService;
import org.quartz.JobExecutionContext;

/**
 * The daily retention run (scheduler.retentionCron): raw measurement rows older than retention.rawDays rolled up
 * and deleted. Its run record counts the site-days done against those pending, and its message states what was
 * rolled up and deleted.
 */
public class RetentionJob extends RecordedJob {

    /** What the run does; returns the run's summary. */
    public interface Task {
        String run(long runId, RunRecorder runs) throws Exception;

        Task NONE = (runId, runs) -> "未配置数据保留（该节点不执行）";

        /** Runs the service, counting site-days in the run record (total = pending at start, done = rolled up). */
        static Task of(RetentionService service) {
            return (runId, runs) -> service.run(new RetentionService.Progress() {
                @Override
                public void started(int siteDays) {
                    runs.total(runId, siteDays);
                }

                @Override
                public void batch(int siteDays, long rowsDeleted) {
                    runs.progress(runId, siteDays, 0);
                }
            }).describe();
        }
    }

    private final Task task;

    public RetentionJob(Task task, RunRecorder runs) {
        super(JobName.RETENTION, runs);
        this.task = task;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) throws Exception {
        return task.run(runId, runs);
    }
}
