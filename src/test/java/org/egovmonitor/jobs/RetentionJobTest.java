package org.egovmonitor.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.retention.RetentionService;
import org.egovmonitor.retention.RetentionSettings;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/** The retention job on the clustered JDBC job store: scheduled daily, listed, and run through a trigger. */
class RetentionJobTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase();
    private final Jdbi jdbi = db.jdbi();
    private Scheduling node;

    @BeforeEach
    void startNode() throws Exception {
        SchedulerConfiguration config = SchedulingFixtures.jobsOnly();
        PGSimpleDataSource ds = SchedulingFixtures.dataSource(db);
        FetchSettings crawl = CrawlSettingsFile.load(config, CrawlSettings.defaults()).fetch();
        Clock clock = Clock.system(ZONE);
        RetentionService retention = new RetentionService(jdbi, new RetentionSettings(), clock);
        node = Scheduling.create(config, ZONE, clock, jdbi, ds, crawl, new HostGates(crawl), new CrawlStage(null, null),
                ScoreSnapshotJob.Task.NONE, RetentionJob.Task.of(retention), BulletinJob.Task.NONE, AlertHooks.NONE);
        node.scheduler().start();
    }

    @AfterEach
    void stopNode() throws Exception {
        node.scheduler().stop();
        node.close();
    }

    private static SiteMeasurement crawl(LocalDate day) {
        String base = "http://r.test/";
        return new SiteMeasurement(base, base, "DEPARTMENT", true, 200, 10, "UTF-8", null,
                new SiteMeasurement.Homepage(day, 2, false, List.of(new SiteMeasurement.Entry("要闻", base + "1", day),
                        new SiteMeasurement.Entry("通知", base + "2", day))), List.of(), List.of(),
                List.of(new SiteMeasurement.BrokenLink(base + "x", 404, null)), 1, List.of(), "h", day,
                List.of(new SiteMeasurement.Fetch(base, base, "HOMEPAGE", 200, 10, 100, "UTF-8", null)),
                List.of(new SiteMeasurement.LinkCheck(base + "x", 404, null, true),
                        new SiteMeasurement.LinkCheck(base + "y", 200, null, false)), 0);
    }

    @Test
    void retention_scheduledDailyInCityTime_listedInChinese() throws Exception {
        JobInfo info = node.jobs().jobs().stream().filter(j -> j.name().equals("retention")).findFirst()
                .orElseThrow();
        assertThat(info.label()).isEqualTo("数据保留");
        assertThat(info.description()).contains("保留期");
        assertThat(info.scheduleLabel()).startsWith("每天 ");
        assertThat(info.misfire()).isEqualTo("DO_NOTHING");
        assertThat(info.nextFireTime()).isNotNull();
        assertThat(info.nextFireTime().atZone(ZONE).toLocalTime()).isEqualTo(java.time.LocalTime.of(5, 30));
        assertThat(count(jdbi, "SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name = 'retention' "
                + "AND cron_expression = '0 30 5 * * ?' AND time_zone_id = 'Asia/Shanghai'")).isEqualTo(1);
    }

    @Test
    void retention_triggered_rollsUpOldCrawlAndRecordsWhatItDid() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        long site = jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-r', '单位', 'DEPARTMENT', "
                    + "'DEPARTMENTS')");
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES ('http://r.test/', 'r', "
                    + "'DEPARTMENT', 'dept-r') RETURNING id").mapTo(Long.class).one();
        });
        ObservationStore store = new ObservationStore(jdbi);
        LocalDate old = today.minusDays(120);
        store.save("old", site, crawl(old), old.atStartOfDay(ZONE).toInstant());
        store.save("new", site, crawl(today), Instant.now());

        node.scheduler().trigger(JobName.RETENTION, "MANUAL", null);
        await("retention run", java.time.Duration.ofSeconds(60), () -> count(jdbi,
                "SELECT count(*) FROM job_runs WHERE job = 'retention' AND status <> 'RUNNING'") == 1);

        JobRun run = node.jobs().runs("retention", 1).get(0);
        assertThat(run.status().name()).isEqualTo("SUCCEEDED");
        assertThat(run.cause()).isEqualTo("MANUAL");
        assertThat(run.total()).isEqualTo(1);
        assertThat(run.done()).isEqualTo(1);
        assertThat(run.message()).contains("汇总 1 个网站日", "删除原始记录 5 行", "列表条目 2、抓取记录 1、链接检查 2");
        assertThat(count(jdbi, "SELECT count(*) FROM measurement_items")).isEqualTo(2);
        assertThat(count(jdbi, "SELECT count(*) FROM site_daily_facts WHERE day = ?", old)).isEqualTo(1);
    }
}
