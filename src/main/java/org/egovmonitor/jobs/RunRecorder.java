package org.egovmonitor.jobs;

import java.time.Instant;
import org.egovmonitor.api.JobRunStatus;
import org.egovmonitor.db.JobRunDao;
import org.jdbi.v3.core.Jdbi;

/** Records job runs in job_runs: what ran where, when, how far it got and what failed. */
public class RunRecorder {

    /** Reasons are kept readable, not whole stack traces. */
    private static final int MAX_REASON = 2000;

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

    static String clip(String reason) {
        if (reason == null) {
            return "(no message)";
        }
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    /** A throwable as one line: its class and message, and its root cause's when different. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? own : own + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
