package org.egovmonitor.jobs;

import java.time.Duration;
import java.time.Instant;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Jdbi;

/** Records job runs in job_runs: what ran where, when, how far it got and what failed. */
public class RunRecorder {

    /** Reasons are kept readable, not whole stack traces. */
    private static final int MAX_REASON = 2000;

    /** A run is judged abandoned only when its node has been silent this long (several Quartz check-ins). */
    static final Duration ABANDONED_GRACE = Duration.ofMinutes(2);

    private final Jdbi jdbi;

    public RunRecorder(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long start(JobName job, String instanceId, String cause, Instant scheduledFor) {
        return jdbi.withExtension(JobRunDao.class, d -> d.start(job.id(), instanceId, cause, scheduledFor, null));
    }

    public void total(long runId, int total) {
        jdbi.useExtension(JobRunDao.class, d -> d.setTotal(runId, total));
    }

    public void progress(long runId, int done, int failed) {
        jdbi.useExtension(JobRunDao.class, d -> d.addProgress(runId, done, failed));
    }

    public void failure(long runId, String subject, String reason) {
        jdbi.useExtension(JobRunDao.class, d -> d.addFailure(runId, subject, clip(reason)));
    }

    public void succeeded(long runId, String message) {
        jdbi.useExtension(JobRunDao.class, d -> d.finish(runId, JobRunStatus.SUCCEEDED, message));
    }

    public void failed(long runId, String message) {
        jdbi.useExtension(JobRunDao.class, d -> d.finish(runId, JobRunStatus.FAILED, clip(message)));
    }

    /**
     * Marks failed the runs of nodes that no longer check in to the cluster (see JobRunDao#failAbandoned); called
     * as each recorded job starts, so any live node cleans up after a dead one. Returns how many were failed.
     */
    public int failAbandoned() {
        return jdbi.withExtension(JobRunDao.class, d -> d.failAbandoned(JobName.CRAWL_ROUND.id(),
                ABANDONED_GRACE.toMillis(), "运行节点 ", " 已停止响应（集群签到超时），本次运行未完成"));
    }

    static String clip(String reason) {
        if (reason == null) {
            return Messages.get("failure.noMessage");
        }
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }
}
