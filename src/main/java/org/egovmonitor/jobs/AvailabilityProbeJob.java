package org.egovmonitor.jobs;

import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.platform.Messages;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** Probes every monitored homepage once; never two runs at once in the cluster. */
@DisallowConcurrentExecution
public class AvailabilityProbeJob extends RecordedJob {

    private final AvailabilityProber prober;
    private final AlertHooks alerts;

    public AvailabilityProbeJob(AvailabilityProber prober, AlertHooks alerts, RunRecorder runs) {
        super(JobName.AVAILABILITY_PROBE, runs);
        this.prober = prober;
        this.alerts = alerts;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) throws InterruptedException {
        AvailabilityProber.Summary s = prober.probeAll(runId, runs);
        String summary = Messages.get("summary.availability", s.sites(),
                s.up(), s.down(), s.errors(), s.notProbed());
        String alerted = AlertHooks.reportingFailure(alerts::afterProbes);
        return alerted.isEmpty() ? summary : summary + "; " + alerted;
    }
}
