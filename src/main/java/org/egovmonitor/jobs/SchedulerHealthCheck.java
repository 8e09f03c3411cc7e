package org.egovmonitor.jobs;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.quartz.CronExpression;
import org.quartz.Scheduler;

/**
 * {@code scheduler}: unhealthy when this node's scheduler is not running, or when the newest crawl round is older
 * than the crawl interval plus {@code crawlOverdueGrace} (a fresh installation is measured from this node's start).
 */
public class SchedulerHealthCheck extends HealthCheck {

    private final Scheduler scheduler;
    private final Jdbi jdbi;
    private final SchedulerConfiguration config;
    private final Clock clock;
    private final Instant nodeStarted;

    public SchedulerHealthCheck(Scheduler scheduler, Jdbi jdbi, SchedulerConfiguration config, Clock clock) {
        this.scheduler = scheduler;
        this.jdbi = jdbi;
        this.config = config;
        this.clock = clock;
        this.nodeStarted = clock.instant();
    }

    @Override
    protected Result check() throws Exception {
        if (!scheduler.isStarted() || scheduler.isInStandbyMode() || scheduler.isShutdown()) {
            return Result.unhealthy("scheduler is not running on this node");
        }
        Duration allowed = crawlInterval().plus(Duration.ofMillis(config.getCrawlOverdueGrace().toMilliseconds()));
        Optional<OffsetDateTime> newest = jdbi.withExtension(CrawlQueueDao.class,
                CrawlQueueDao::newestRoundCreatedAt);
        Instant since = newest.map(OffsetDateTime::toInstant).orElse(nodeStarted);
        Duration age = Duration.between(since, clock.instant());
        if (age.compareTo(allowed) > 0) {
            return Result.unhealthy("crawl round overdue: the newest started " + age.toMinutes()
                    + " minutes ago (allowed " + allowed.toMinutes() + ")");
        }
        return Result.healthy(newest.map(t -> "newest crawl round started " + t).orElse("no crawl round yet"));
    }

    /** The gap between two consecutive fire times of the crawl cron. */
    private Duration crawlInterval() throws java.text.ParseException {
        CronExpression cron = new CronExpression(config.getCrawlCron());
        Date first = cron.getNextValidTimeAfter(Date.from(clock.instant()));
        Date second = first == null ? null : cron.getNextValidTimeAfter(first);
        return first == null || second == null ? Duration.ofDays(1)
                : Duration.ofMillis(second.getTime() - first.getTime());
    }
}
