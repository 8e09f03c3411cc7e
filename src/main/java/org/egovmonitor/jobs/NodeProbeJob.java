package org.egovmonitor.jobs;

import org.egovmonitor.platform.Messages;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** TCP-probes every network node with an endpoint; never two runs at once in the cluster. */
@DisallowConcurrentExecution
public class NodeProbeJob extends RecordedJob {

    private final NodeProber prober;

    public NodeProbeJob(NodeProber prober, RunRecorder runs) {
        super(JobName.NODE_PROBE, runs);
        this.prober = prober;
    }

    @Override
    protected String run(JobExecutionContext context, long runId) throws InterruptedException {
        NodeProber.Summary s = prober.probeAll(runId, runs);
        return Messages.get("summary.nodes", s.nodes(),
                s.probed(), s.up(), s.down(), s.skipped());
    }
}
