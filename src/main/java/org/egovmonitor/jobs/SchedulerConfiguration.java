package org.egovmonitor.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code scheduler:} block of config.yml. Every node of a cluster should carry the same schedule: the node that
 * starts last writes its schedule into the shared Quartz tables (create-or-reschedule), so a changed value takes
 * effect at the next start.
 */
public class SchedulerConfiguration {

    /** Run jobs and crawl workers on this node. False makes a web-only node (it can still trigger jobs). */
    private boolean enabled = true;

    /** Quartz threads of this node (jobs themselves; crawl items are done by the crawl workers). */
    @Min(1)
    @Max(64)
    private int threadCount = 4;

    /** When the daily crawl round starts (Quartz cron, in timeZone). */
    @NotEmpty
    private String crawlCron = "0 0 2 * * ?";

    @NotNull
    private MisfirePolicy crawlMisfire = MisfirePolicy.FIRE_NOW;

    /** When the daily retention run starts (Quartz cron, in timeZone): a quiet hour, after the crawl round. */
    @NotEmpty
    private String retentionCron = "0 30 5 * * ?";

    @NotNull
    private MisfirePolicy retentionMisfire = MisfirePolicy.DO_NOTHING;

    /** Homepage availability probe of every monitored site. */
    @NotNull
    private Duration availabilityEvery = Duration.minutes(30);

    @NotNull
    private MisfirePolicy availabilityMisfire = MisfirePolicy.DO_NOTHING;

    /** Deadline of one homepage probe (connect, headers and body). */
    @NotNull
    private Duration availabilityTimeout = Duration.seconds(15);

    /** TCP reachability probe of every network node with a probe endpoint. */
    @NotNull
    private Duration nodeProbeEvery = Duration.minutes(15);

    @NotNull
    private MisfirePolicy nodeProbeMisfire = MisfirePolicy.DO_NOTHING;

    @NotNull
    private Duration nodeProbeTimeout = Duration.seconds(5);

    /** Sites or nodes probed in parallel by one probe run. */
    @Min(1)
    @Max(512)
    private int probeConcurrency = 16;

    /** Crawl worker threads of this node: each measures one site at a time. */
    @Min(0)
    @Max(256)
    private int crawlWorkersPerNode = 4;

    /** How long a claimed crawl item stays with its node; longer than the slowest site measure. */
    @Min(1)
    private int leaseSeconds = 300;

    /** Attempts of one crawl item before it is FAILED with its last error. */
    @Min(1)
    @Max(20)
    private int maxAttempts = 3;

    /** Wait before the 2nd attempt; doubled for each further one, up to maxBackoff. */
    @NotNull
    private Duration backoff = Duration.seconds(30);

    @NotNull
    private Duration maxBackoff = Duration.minutes(30);

    /** How often an idle worker looks for claimable items. */
    @NotNull
    private Duration pollInterval = Duration.seconds(1);

    /** A fire time missed by more than this is a misfire (its policy applies); less is just a late fire. */
    @NotNull
    private Duration misfireThreshold = Duration.seconds(60);

    /** Health check: the last crawl round may be this much older than the crawl interval. */
    @NotNull
    private Duration crawlOverdueGrace = Duration.hours(6);

    /** Crawl settings (fetch limits, allow-listed ranges) for the probes and the measurer; empty: crawlersDir's. */
    private String crawlSettings = "";

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public int getThreadCount() {
        return threadCount;
    }

    @JsonProperty
    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    @JsonProperty
    public String getCrawlCron() {
        return crawlCron;
    }

    @JsonProperty
    public void setCrawlCron(String crawlCron) {
        this.crawlCron = crawlCron;
    }

    @JsonProperty
    public MisfirePolicy getCrawlMisfire() {
        return crawlMisfire;
    }

    @JsonProperty
    public void setCrawlMisfire(MisfirePolicy crawlMisfire) {
        this.crawlMisfire = crawlMisfire;
    }

    @JsonProperty
    public String getRetentionCron() {
        return retentionCron;
    }

    @JsonProperty
    public void setRetentionCron(String retentionCron) {
        this.retentionCron = retentionCron;
    }

    @JsonProperty
    public MisfirePolicy getRetentionMisfire() {
        return retentionMisfire;
    }

    @JsonProperty
    public void setRetentionMisfire(MisfirePolicy retentionMisfire) {
        this.retentionMisfire = retentionMisfire;
    }

    @JsonProperty
    public Duration getAvailabilityEvery() {
        return availabilityEvery;
    }

    @JsonProperty
    public void setAvailabilityEvery(Duration availabilityEvery) {
        this.availabilityEvery = availabilityEvery;
    }

    @JsonProperty
    public MisfirePolicy getAvailabilityMisfire() {
        return availabilityMisfire;
    }

    @JsonProperty
    public void setAvailabilityMisfire(MisfirePolicy availabilityMisfire) {
        this.availabilityMisfire = availabilityMisfire;
    }

    @JsonProperty
    public Duration getAvailabilityTimeout() {
        return availabilityTimeout;
    }

    @JsonProperty
    public void setAvailabilityTimeout(Duration availabilityTimeout) {
        this.availabilityTimeout = availabilityTimeout;
    }

    @JsonProperty
    public Duration getNodeProbeEvery() {
        return nodeProbeEvery;
    }

    @JsonProperty
    public void setNodeProbeEvery(Duration nodeProbeEvery) {
        this.nodeProbeEvery = nodeProbeEvery;
    }

    @JsonProperty
    public MisfirePolicy getNodeProbeMisfire() {
        return nodeProbeMisfire;
    }

    @JsonProperty
    public void setNodeProbeMisfire(MisfirePolicy nodeProbeMisfire) {
        this.nodeProbeMisfire = nodeProbeMisfire;
    }

    @JsonProperty
    public Duration getNodeProbeTimeout() {
        return nodeProbeTimeout;
    }

    @JsonProperty
    public void setNodeProbeTimeout(Duration nodeProbeTimeout) {
        this.nodeProbeTimeout = nodeProbeTimeout;
    }

    @JsonProperty
    public int getProbeConcurrency() {
        return probeConcurrency;
    }

    @JsonProperty
    public void setProbeConcurrency(int probeConcurrency) {
        this.probeConcurrency = probeConcurrency;
    }

    @JsonProperty
    public int getCrawlWorkersPerNode() {
        return crawlWorkersPerNode;
    }

    @JsonProperty
    public void setCrawlWorkersPerNode(int crawlWorkersPerNode) {
        this.crawlWorkersPerNode = crawlWorkersPerNode;
    }

    @JsonProperty
    public int getLeaseSeconds() {
        return leaseSeconds;
    }

    @JsonProperty
    public void setLeaseSeconds(int leaseSeconds) {
        this.leaseSeconds = leaseSeconds;
    }

    @JsonProperty
    public int getMaxAttempts() {
        return maxAttempts;
    }

    @JsonProperty
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @JsonProperty
    public Duration getBackoff() {
        return backoff;
    }

    @JsonProperty
    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    @JsonProperty
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    @JsonProperty
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    @JsonProperty
    public Duration getPollInterval() {
        return pollInterval;
    }

    @JsonProperty
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    @JsonProperty
    public Duration getMisfireThreshold() {
        return misfireThreshold;
    }

    @JsonProperty
    public void setMisfireThreshold(Duration misfireThreshold) {
        this.misfireThreshold = misfireThreshold;
    }

    @JsonProperty
    public Duration getCrawlOverdueGrace() {
        return crawlOverdueGrace;
    }

    @JsonProperty
    public void setCrawlOverdueGrace(Duration crawlOverdueGrace) {
        this.crawlOverdueGrace = crawlOverdueGrace;
    }

    @JsonProperty
    public String getCrawlSettings() {
        return crawlSettings;
    }

    @JsonProperty
    public void setCrawlSettings(String crawlSettings) {
        this.crawlSettings = crawlSettings;
    }

    /** Backoff before attempt {@code attempt + 1}: backoff * 2^(attempt-1), capped. */
    public java.time.Duration backoffAfter(int attempt) {
        long base = backoff.toMilliseconds();
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
        long ms = base > maxBackoff.toMilliseconds() / factor ? maxBackoff.toMilliseconds() : base * factor;
        return java.time.Duration.ofMillis(Math.min(ms, maxBackoff.toMilliseconds()));
    }
}
