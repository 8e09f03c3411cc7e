package org.egovmonitor.jobs;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.bulletins.BulletinService;
import org.egovmonitor.bulletins.OpenTasks;
import org.egovmonitor.bulletins.PeriodTasks;
import org.egovmonitor.collection.CoverageService;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/** The 通报 job on the clustered JDBC job store: scheduled daily at 08:00 city time, and run through a trigger. */
class BulletinJobTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The morning after June 2024 (and its week and quarter) ended. */
    private static final Clock JULY_FIRST = Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZONE);

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase();
    private final Jdbi jdbi = db.jdbi();
    private Scheduling node;

    @BeforeEach
    void startNode() throws Exception {
        SchedulerConfiguration config = SchedulingFixtures.jobsOnly();
        PGSimpleDataSource ds = SchedulingFixtures.dataSource(db);
        FetchSettings crawl = CrawlSettingsFile.load(config, CrawlSettings.defaults()).fetch();
        ScoreSnapshotService scoring = new ScoreSnapshotService(jdbi,
                day -> List.of(ScoringFixtures.healthy("dept-j")), ScoringFixtures.CATALOGUE,
                StrictJsonModule.configure(Jackson.newObjectMapper()), JULY_FIRST);
        scoring.snapshot(LocalDate.of(2024, 6, 30));
        BulletinService bulletins = new BulletinService(jdbi, scoring, new CoverageService(jdbi, JULY_FIRST),
                OpenTasks.NONE, PeriodTasks.NONE, JULY_FIRST);
        node = Scheduling.create(config, ZONE, Clock.system(ZONE), jdbi, ds, crawl, new HostGates(crawl),
                new CrawlStage(null, null), ScoreSnapshotJob.Task.NONE, RetentionJob.Task.NONE,
                BulletinJob.Task.of(bulletins, JULY_FIRST), AlertHooks.NONE);
        node.scheduler().start();
    }

    @AfterEach
    void stopNode() throws Exception {
        node.scheduler().stop();
        node.close();
    }

    @Test
    void bulletins_scheduledDailyInCityTime_catchesUpAfterAMissedRun() throws Exception {
        JobInfo info = node.jobs().jobs().stream().filter(j -> j.name().equals("bulletins")).findFirst()
                .orElseThrow();
        assertThat(info.label()).isEqualTo("通报生成");
        assertThat(info.scheduleLabel()).isEqualTo("每天 08:00");
        assertThat(info.misfire()).isEqualTo("FIRE_NOW");
        assertThat(info.nextFireTime().atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void bulletins_triggered_generatesThePeriodsThatEndedYesterday() throws Exception {
        node.scheduler().trigger(JobName.BULLETINS, "MANUAL", null);
        await("bulletins run", java.time.Duration.ofSeconds(120), () -> count(jdbi,
                "SELECT count(*) FROM job_runs WHERE job = 'bulletins' AND status <> 'RUNNING'") == 1);
        JobRun run = node.jobs().runs("bulletins", 1).get(0);
        assertThat(run.status().name()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.message()).contains("周报 2024年第26周", "月报 2024年6月 已生成", "季报 2024年第2季度 已生成");
        assertThat(count(jdbi, "SELECT count(*) FROM bulletins WHERE generated_by = 'SCHEDULED' "
                + "AND snapshot_day = '2024-06-30'")).isEqualTo(3);
    }
}
