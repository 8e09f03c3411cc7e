package org.egovmonitor.api;

import java.time.Instant;

/** One recorded execution of a job; {@code done}/{@code total} is its progress (total null when not known). */
public record JobRun(long id, String job, String instanceId, String cause, Instant scheduledFor, Instant startedAt,
                     Instant finishedAt, JobRunStatus status, int done, Integer total, int failed, String message) {
}
