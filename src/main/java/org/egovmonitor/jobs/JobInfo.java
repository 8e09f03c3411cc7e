package org.egovmonitor.jobs;

import java.time.Instant;

/**
 * A scheduled job as the office sees it.
 *
 * @param name          the job's id (crawl-round), as in the API's paths and in job_runs
 * @param label         what users call it (抓取轮次)
 * @param schedule      "cron 0 0 2 * * ?", "every PT30M", or "on demand" (no trigger of its own), for scripts
 * @param scheduleLabel the schedule as users read it: 每天 02:00, 每 30 分钟, 按需
 * @param misfire      the trigger's misfire policy, null for on-demand jobs
 * @param nextFireTime when the cluster will run it next, null when nothing is planned
 * @param lastRun      the newest recorded run, null when it never ran
 */
public record JobInfo(String name, String label, String description, String schedule, String scheduleLabel,
                      String misfire, Instant nextFireTime,
                      Instant previousFireTime, JobRun lastRun) {
}
