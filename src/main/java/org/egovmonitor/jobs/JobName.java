package org.egovmonitor.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.egovmonitor.platform.Messages;
import org.quartz.Job;
import org.quartz.JobKey;

/** The cluster's jobs; {@link #id()} is the name in the API, in job_runs and in the Quartz tables. */
public enum JobName {
    CRAWL_ROUND("crawl-round", CrawlRoundJob.class),
    AVAILABILITY_PROBE("availability-probe", AvailabilityProbeJob.class),
    NODE_PROBE("node-probe", NodeProbeJob.class),
    SCORE_SNAPSHOT("score-snapshot", ScoreSnapshotJob.class),
    RETENTION("retention", RetentionJob.class),
    ALERT_DELIVERY("alert-delivery", AlertDeliveryJob.class),
    BULLETINS("bulletins", BulletinJob.class);

    static final String GROUP = "egov";

    private final String id;
    private final Class<? extends Job> jobClass;

    JobName(String id, Class<? extends Job> jobClass) {
        this.id = id;
        this.jobClass = jobClass;
    }

    public String id() {
        return id;
    }

    /** What users call the job (抓取轮次), from the message bundle. */
    public String label() {
        return Messages.get("job." + id + ".name");
    }

    /** What the job does, for the office (and Quartz's job description). */
    public String description() {
        return Messages.get("job." + id + ".description");
    }

    Class<? extends Job> jobClass() {
        return jobClass;
    }

    public JobKey key() {
        return JobKey.jobKey(id, GROUP);
    }

    public static Optional<JobName> of(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(j -> j.id.equals(wanted)).findFirst();
    }
}
