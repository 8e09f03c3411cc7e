package org.egovmonitor.jobs;

import org.egovmonitor.alerts.AlertHooks;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * Sends the alerts that are due (scheduler.alertDeliveryEvery): messages held through quiet hours, the daily
 * digests, and retries of failed deliveries after their backoff. New alerts are also sent right after the job that
 * raised them; this run catches everything that was waiting.
 */
@DisallowConcurrentExecution
public class AlertDeliveryJob extends RecordedJob {

    private final AlertHooks alerts;

    public AlertDeliveryJob(AlertHooks alerts, RunRecorder runs) {
        super(JobName.ALERT_DELIVERY, runs);
        this.alerts = alerts;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) {
        return alerts.deliverDue();
    }
}
