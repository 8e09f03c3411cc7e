package org.egovmonitor.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code scheduler:} block of config.yml. Every node of a cluster should carry the same schedule: the node that
 * starts last writes its schedule into the shared Quartz tables (create-or-reschedule), so a changed value takes
 * effect at the next start.
 */
public class SchedulerConfiguration {

    public static final String AUTO = "auto";

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

    /** How often waiting alerts are looked at: held ones after quiet hours, digests, retries. */
    @NotNull
    private Duration alertDeliveryEvery = Duration.minutes(1);

    @NotNull
    private MisfirePolicy alertDeliveryMisfire = MisfirePolicy.DO_NOTHING;

    /**
     * When the daily 通报 run starts (Quartz cron, in timeZone): it generates the weekly, monthly and quarterly
     * reports whose period ended yesterday, after the night's crawl round and snapshot.
     */
    @NotEmpty
    private String bulletinCron = "0 0 8 * * ?";

    /** A node that was down at bulletinCron catches up when it starts (the run looks at yesterday only). */
    @NotNull
    private MisfirePolicy bulletinMisfire = MisfirePolicy.FIRE_NOW;

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

    /**
     * Crawl worker threads of this node, each measuring one site at a time: {@code auto} (null here) sizes them for
     * every round ({@link CrawlWorkerSizing}); a number from 0 to {@link CrawlWorkerSizing#MAX_WORKERS} fixes them.
     */
    private Integer crawlWorkersPerNode;

    /** The time a crawl round should take at most; {@code auto} workers aim at half of it. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration roundWindow = Duration.hours(2);

    /** Heap one crawl worker is budgeted (pages, parse trees and link checks of the site in hand). */
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
    private DataSize crawlWorkerHeap = DataSize.mebibytes(8);

    /**
     * How long a claim outlives its node: renewed every third of it while the site is measured, so it bounds how
     * soon a dead node's items are taken over, not how long a site may take.
     */
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
    public Duration getAlertDeliveryEvery() {
        return alertDeliveryEvery;
    }

    @JsonProperty
    public void setAlertDeliveryEvery(Duration alertDeliveryEvery) {
        this.alertDeliveryEvery = alertDeliveryEvery;
    }

    @JsonProperty
    public MisfirePolicy getAlertDeliveryMisfire() {
        return alertDeliveryMisfire;
    }

    @JsonProperty
    public void setAlertDeliveryMisfire(MisfirePolicy alertDeliveryMisfire) {
        this.alertDeliveryMisfire = alertDeliveryMisfire;
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
    public String getBulletinCron() {
        return bulletinCron;
    }

    @JsonProperty
    public void setBulletinCron(String bulletinCron) {
        this.bulletinCron = bulletinCron;
    }

    @JsonProperty
    public MisfirePolicy getBulletinMisfire() {
        return bulletinMisfire;
    }

    @JsonProperty
    public void setBulletinMisfire(MisfirePolicy bulletinMisfire) {
        this.bulletinMisfire = bulletinMisfire;
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

    /** {@code auto} or the fixed number, as written in config.yml. */
    @JsonProperty
    public String getCrawlWorkersPerNode() {
        return crawlWorkersPerNode == null ? AUTO : Integer.toString(crawlWorkersPerNode);
    }

    /**
     * {@code auto} or a whole number from 0 to 256; anything else stops the start, naming the key. Typed Object so
     * that every YAML value (text, number, list) reaches this check and its Chinese message.
     */
    @JsonProperty
    public void setCrawlWorkersPerNode(Object value) {
        String v = value == null ? "" : value.toString().strip();
        if (v.equalsIgnoreCase(AUTO)) {
            crawlWorkersPerNode = null;
            return;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0 && n <= CrawlWorkerSizing.MAX_WORKERS) {
                crawlWorkersPerNode = n;
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("scheduler.crawlWorkersPerNode 应为 auto 或 0 到 "
                + CrawlWorkerSizing.MAX_WORKERS + " 之间的整数，而不是「" + value + "」");
    }

    /** The fixed number of crawl workers, or empty for {@code auto}. */
    public java.util.OptionalInt fixedCrawlWorkers() {
        return crawlWorkersPerNode == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(crawlWorkersPerNode);
    }

    @JsonProperty
    public Duration getRoundWindow() {
        return roundWindow;
    }

    @JsonProperty
    public void setRoundWindow(Duration roundWindow) {
        this.roundWindow = roundWindow;
    }

    @JsonProperty
    public DataSize getCrawlWorkerHeap() {
        return crawlWorkerHeap;
    }

    @JsonProperty
    public void setCrawlWorkerHeap(DataSize crawlWorkerHeap) {
        this.crawlWorkerHeap = crawlWorkerHeap;
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
