package org.egovmonitor.jobs;

import java.time.Instant;

/**
 * A scheduled job as the office sees it.
 *
 * @param schedule     "cron 0 0 2 * * ?", "every PT30M", or "on demand" (no trigger of its own)
 * @param misfire      the trigger's misfire policy, null for on-demand jobs
 * @param nextFireTime when the cluster will run it next, null when nothing is planned
 * @param lastRun      the newest recorded run, null when it never ran
 */
public record JobInfo(String name, String description, String schedule, String misfire, Instant nextFireTime,
                      Instant previousFireTime, JobRun lastRun) {
}
