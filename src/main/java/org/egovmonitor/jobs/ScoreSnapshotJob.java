package org.egovmonitor.jobs;

import org.quartz.JobExecutionContext;

/**
 * The daily score snapshot, triggered when a crawl round finishes (job data {@code round}). The scoring stage plugs
 * its work in as a {@link Task}; until then the run is recorded as a no-op so the chain round → snapshot is visible.
 */
public class ScoreSnapshotJob extends RecordedJob {

    static final String ROUND = "round";

    /** What the snapshot does; returns the run's summary. */
    public interface Task {
        String snapshot(Long roundId) throws Exception;

        Task NONE = roundId -> "未配置评分（该节点不计算，第 " + roundId + " 轮）";
    }

    private final Task task;

    public ScoreSnapshotJob(Task task, RunRecorder runs) {
        super(JobName.SCORE_SNAPSHOT, runs);
        this.task = task;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) throws Exception {
        String round = context.getMergedJobDataMap().getString(ROUND);
        return task.snapshot(round == null ? null : Long.valueOf(round));
    }
}
