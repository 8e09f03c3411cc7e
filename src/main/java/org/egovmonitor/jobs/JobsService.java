package org.egovmonitor.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.api.JobInfo;
import org.egovmonitor.api.JobRun;
import org.egovmonitor.api.JobRunDetail;
import org.egovmonitor.db.JobRunDao;
import org.egovmonitor.errors.NotFoundException;
import org.jdbi.v3.core.Jdbi;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/** What the jobs API shows and does: schedules, recorded runs, manual triggers. */
public class JobsService {

    private final ClusteredScheduler scheduler;
    private final Jdbi jdbi;

    public JobsService(ClusteredScheduler scheduler, Jdbi jdbi) {
        this.scheduler = scheduler;
        this.jdbi = jdbi;
    }

    public List<JobInfo> jobs() throws SchedulerException {
        List<JobInfo> jobs = new ArrayList<>();
        for (JobName job : JobName.values()) {
            List<? extends Trigger> triggers = scheduler.scheduler().getTriggersOfJob(job.key()).stream()
                    .filter(t -> t.getKey().equals(ClusteredScheduler.triggerKey(job))).toList();
            Trigger own = triggers.isEmpty() ? null : triggers.get(0);
            JobRun last = jdbi.withExtension(JobRunDao.class, d -> d.newest(job.id(), 1)).stream().findFirst()
                    .orElse(null);
            jobs.add(new JobInfo(job.id(), job.description(),
                    own == null ? "on demand" : ClusteredScheduler.describe(own),
                    own == null ? null : ClusteredScheduler.misfireName(own),
                    own == null ? null : instant(own.getNextFireTime()),
                    own == null ? null : instant(own.getPreviousFireTime()), last));
        }
        return jobs;
    }

    public List<JobRun> runs(String job, int limit) {
        return jdbi.withExtension(JobRunDao.class, d -> d.newest(job, limit));
    }

    public JobRunDetail run(long id) {
        return jdbi.withExtension(JobRunDao.class, d -> d.find(id)
                .map(run -> new JobRunDetail(run, d.failures(id)))
                .orElseThrow(() -> new NotFoundException("未找到任务运行记录：" + id)));
    }

    /** Asks the cluster to run the job now; unknown names are 404. */
    public JobName trigger(String name) throws SchedulerException {
        JobName job = JobName.of(name).orElseThrow(() -> new NotFoundException("未找到任务：" + name));
        scheduler.trigger(job, "MANUAL", null);
        return job;
    }

    private static Instant instant(java.util.Date d) {
        return d == null ? null : d.toInstant();
    }
}
