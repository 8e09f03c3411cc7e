package org.egovmonitor.jobs;

import java.util.Map;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds jobs with their services (Quartz would call a no-argument constructor). */
final class ServiceJobFactory implements JobFactory {

    private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs;

    ServiceJobFactory(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
        this.jobs = Map.copyOf(jobs);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Supplier<? extends Job> supplier = jobs.get(type);
        if (supplier == null) {
            throw new SchedulerException("no factory for job class " + type.getName());
        }
        return supplier.get();
    }
}
