package org.egovmonitor.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.quartz.Job;
import org.quartz.JobKey;

/** The cluster's jobs; {@link #id()} is the name in the API, in job_runs and in the Quartz tables. */
public enum JobName {
    CRAWL_ROUND("crawl-round", "抓取轮次：为每个受监测网站建立一个抓取任务，由各节点的抓取线程领取", CrawlRoundJob.class),
    AVAILABILITY_PROBE("availability-probe", "首页可用性探测：访问每个受监测网站首页（15 秒期限）", AvailabilityProbeJob.class),
    NODE_PROBE("node-probe", "节点探测：对有探测端点的网络节点做 TCP 连接", NodeProbeJob.class),
    SCORE_SNAPSHOT("score-snapshot", "评分快照：抓取轮次结束后计算当日评分（由评分模块填充）", ScoreSnapshotJob.class),
    RETENTION("retention", "数据保留：超过保留期的原始观测（列表条目、抓取记录、链接检查）汇总为每站每日事实后分批删除，评分快照不动",
            RetentionJob.class),
    ALERT_DELIVERY("alert-delivery", "告警发送：发送到期的告警消息（静默时段后补发、每日汇总、失败重试）", AlertDeliveryJob.class),
    BULLETINS("bulletins", "通报：每天检查昨日是否有周期结束（周、月、季），为结束的周期从评分快照生成通报并保存", BulletinJob.class);

    static final String GROUP = "egov";

    private final String id;
    private final String description;
    private final Class<? extends Job> jobClass;

    JobName(String id, String description, Class<? extends Job> jobClass) {
        this.id = id;
        this.description = description;
        this.jobClass = jobClass;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
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
