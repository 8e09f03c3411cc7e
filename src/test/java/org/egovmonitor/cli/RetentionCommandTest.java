package org.egovmonitor.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retention} as an operator runs it: a separate JVM, Chinese output, a recorded run. */
class RetentionCommandTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static SiteMeasurement crawl(LocalDate day) {
        String base = "http://r.test/";
        return new SiteMeasurement(base, base, "DEPARTMENT", true, 200, 10, "UTF-8", null,
                new SiteMeasurement.Homepage(day, 1, false, List.of(new SiteMeasurement.Entry("要闻", base + "1", day))),
                List.of(), List.of(), List.of(), 1, List.of(), "h", day,
                List.of(new SiteMeasurement.Fetch(base, base, "HOMEPAGE", 200, 10, 100, "UTF-8", null)),
                List.of(new SiteMeasurement.LinkCheck(base + "y", 200, null, false)), 0);
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void retention_dryRunChangesNothing_thenRunRollsUpAndRecordsTheRun() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        Jdbi jdbi = db.jdbi();
        Map<String, String> env = new HashMap<>(db.appEnv());
        env.put("RETENTION_RAW_DAYS", "30");
        long site = jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-r', '单位', 'DEPARTMENT', "
                    + "'DEPARTMENTS')");
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES ('http://r.test/', 'r', "
                    + "'DEPARTMENT', 'dept-r') RETURNING id").mapTo(Long.class).one();
        });
        ObservationStore store = new ObservationStore(jdbi);
        LocalDate today = LocalDate.now(ZONE);
        for (int age : new int[] {60, 45, 10}) {
            LocalDate day = today.minusDays(age);
            store.save("c" + age, site, crawl(day), day.atStartOfDay(ZONE).toInstant().plusSeconds(3600));
        }

        AppProcess.Result dry = AppProcess.run(env, "retention", "--dry-run");

        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        assertThat(dry.stdout()).contains("试运行", "保留期 30 天", "将把 2 天、2 个网站日（测量 2 次）",
                "删除原始记录 6 行：列表条目 2、抓取记录 2、链接检查 2");
        assertThat(count(jdbi, "SELECT count(*) FROM measurement_items")).isEqualTo(3);
        assertThat(count(jdbi, "SELECT count(*) FROM job_runs")).isZero();

        AppProcess.Result run = AppProcess.run(env, "retention");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("汇总 2 个网站日", "删除原始记录 6 行", "运行记录");
        assertThat(run.stderr()).contains("待汇总 2 个网站日", "已汇总 2/2 个网站日");
        assertThat(count(jdbi, "SELECT count(*) FROM measurement_items")).isEqualTo(1);
        assertThat(count(jdbi, "SELECT count(*) FROM site_daily_facts")).isEqualTo(2);
        String recorded = jdbi.withHandle(h -> h.createQuery("SELECT job || ' ' || cause || ' ' || status || ' ' "
                + "|| done || '/' || total || ' ' || message FROM job_runs").mapTo(String.class).one());
        assertThat(recorded).startsWith("retention CLI SUCCEEDED 2/2 保留期 30 天").contains("删除原始记录 6 行");

        AppProcess.Result again = AppProcess.run(env, "retention");
        assertThat(again.stdout()).contains("没有需要汇总的原始记录");
    }
}
