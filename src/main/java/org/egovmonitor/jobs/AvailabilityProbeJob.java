package org.egovmonitor.jobs;

import org.egovmonitor.jobs.AvailabilityProber;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** Probes every monitored homepage once; never two runs at once in the cluster. */
@DisallowConcurrentExecution
public class AvailabilityProbeJob extends RecordedJob {

    private final AvailabilityProber prober;

    public AvailabilityProbeJob(AvailabilityProber prober, RunRecorder runs) {
        super(JobName.AVAILABILITY_PROBE, runs);
        this.prober = prober;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) throws InterruptedException {
        AvailabilityProber.Summary s = prober.probeAll(runId, runs);
        return String.format("%d sites: %d up, %d down, %d errors, %d not probed (queue wait)", s.sites(), s.up(),
                s.down(), s.errors(), s.notProbed());
    }
}
