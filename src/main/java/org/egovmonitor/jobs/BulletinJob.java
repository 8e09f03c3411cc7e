package org.egovmonitor.jobs;

import java.time.Clock;
import java.time.LocalDate;
import org.egovmonitor.bulletins.BulletinService;
import org.quartz.JobExecutionContext;

/**
 * The daily 通报 run (scheduler.bulletinCron): the weekly, monthly and quarterly reports whose period ended yesterday,
 * generated from the stored score snapshots unless already kept. Its message lists what was generated or skipped.
 */
public class BulletinJob extends RecordedJob {

    /** What the run does; returns the run's summary. */
    public interface Task {
        String run() throws Exception;

        Task NONE = () -> "未配置通报（该节点不执行）";

        /** The reports of the periods that ended the day before the run's day (in the city's time zone). */
        static Task of(BulletinService service, Clock clock) {
            return () -> service.generateEnded(LocalDate.now(clock));
        }
    }

    private final Task task;

    public BulletinJob(Task task, RunRecorder runs) {
        super(JobName.BULLETINS, runs);
        this.task = task;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) throws Exception {
        return task.run();
    }
}
