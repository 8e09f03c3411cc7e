package org.egovmonitor.jobs;

import java.time.Instant;

/**
 * One recorded execution of a job; {@code done}/{@code total} is its progress (total null when not known). A crawl
 * round's run carries its {@code round} (sizing, estimated finish); other runs null.
 */
public record JobRun(long id, String job, String instanceId, String cause, Instant scheduledFor, Instant startedAt,
                     Instant finishedAt, JobRunStatus status, int done, Integer total, int failed, String message,
                     CrawlRoundInfo round) {

    public JobRun withRound(CrawlRoundInfo info) {
        return new JobRun(id, job, instanceId, cause, scheduledFor, startedAt, finishedAt, status, done, total, failed,
                message, info);
    }
}
