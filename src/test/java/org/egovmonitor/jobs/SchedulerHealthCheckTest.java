package org.egovmonitor.jobs;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.ZoneId;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerHealthCheckTest {

    @Test
    void check_notStartedRunningOverdueStopped_healthyOnlyWhenRunningAndRecent() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        Jdbi jdbi = db.jdbi();
        SchedulerConfiguration config = new SchedulerConfiguration();
        config.setCrawlWorkersPerNode("0");
        PGSimpleDataSource ds = SchedulingFixtures.dataSource(db);
        Scheduling node = Scheduling.create(config, ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), jdbi, ds,
                FetchSettings.defaults(), new HostGates(FetchSettings.defaults()), new CrawlStage(null, null),
                ScoreSnapshotJob.Task.NONE, RetentionJob.Task.NONE, BulletinJob.Task.NONE, AlertHooks.NONE);
        SchedulerHealthCheck check = new SchedulerHealthCheck(node.scheduler().scheduler(), jdbi, config,
                Clock.systemUTC());
        try {
            assertThat(check.execute().isHealthy()).as("not started").isFalse();
            node.scheduler().start();
            assertThat(check.execute().isHealthy()).as("fresh installation").isTrue();

            // daily cron + 6 h grace: a newest round two days old is overdue
            jdbi.useHandle(h -> h.execute("INSERT INTO job_runs (id, job, instance_id, cause) "
                    + "VALUES (1, 'crawl-round', 'x', 'CLI')"));
            jdbi.useHandle(h -> h.execute("INSERT INTO crawl_rounds (run_id, total, measured_on, created_at) "
                    + "VALUES (1, 0, current_date, now() - interval '2 days')"));
            HealthCheck.Result overdue = check.execute();
            assertThat(overdue.isHealthy()).isFalse();
            assertThat(overdue.getMessage()).contains("overdue");

            jdbi.useHandle(h -> h.execute("UPDATE crawl_rounds SET created_at = now() - interval '1 hour'"));
            assertThat(check.execute().isHealthy()).isTrue();
        } finally {
            node.scheduler().stop();
            node.close();
        }
        assertThat(check.execute().isHealthy()).as("stopped").isFalse();
    }
}
