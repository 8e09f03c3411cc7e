package org.egovmonitor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.egovmonitor.demo.farm.FarmMain;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** crawl-now as a user runs it: a child JVM against the configured database. */
class CrawlNowCommandTest {

    @TempDir
    Path dir;

    @Test
    void crawlNow_unitWithFarmSites_finishesAndPrintsSummary() throws Exception {
        try (SiteFarm farm = SiteFarm.start(FarmMain.randomSpecs(8, 5, 0, LocalDate.now()))) {
            TestPostgres.TestDatabase db = TestPostgres.newDatabase();
            Jdbi jdbi = db.jdbi();
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('t-a', 'a', 'DEPARTMENT', "
                        + "'DEPARTMENTS'), ('t-b', 'b', 'DEPARTMENT', 'DEPARTMENTS')");
                int i = 0;
                for (String host : farm.hosts()) {
                    h.execute("INSERT INTO sites (url, name, kind, unit_code) VALUES (?, ?, ?, ?)", farm.url(host),
                            host, SiteKind.DEPARTMENT.name(), i++ < 5 ? "t-a" : "t-b");
                }
            });
            Path config = config(db);

            AppProcess.Result result = AppProcess.run(Map.of(), "crawl-now", "--unit", "t-a", "--config",
                    config.toString());

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout().strip()).matches(
                    "\\{\"round\":1,\"run\":1,\"sites\":5,\"measured\":5,\"failed\":0,\"seconds\":[0-9.]+}");
            assertThat(result.stderr()).contains("5/5");
            // stored by the real observation store: one measurement per t-a site, with the sections the farm made
            List<String> measuredUnits = jdbi.withHandle(h -> h.createQuery("""
                    SELECT s.unit_code FROM measurements m JOIN sites s ON s.id = m.site_id
                    WHERE m.reachable AND EXISTS (SELECT 1 FROM measurement_sections x WHERE x.measurement_id = m.id)
                    """).mapTo(String.class).list());
            assertThat(measuredUnits).hasSize(5).containsOnly("t-a");
            String status = jdbi.withHandle(h -> h.createQuery(
                    "SELECT status FROM job_runs WHERE job = 'crawl-round'").mapTo(String.class).one());
            assertThat(status).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void crawlNow_unknownUnit_failsWithMessage() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        AppProcess.Result result = AppProcess.run(Map.of(), "crawl-now", "--unit", "no-such-unit", "--config",
                config(db).toString());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("未找到单位：no-such-unit");
        assertThat(result.stdout()).isEmpty();
    }

    private Path config(TestPostgres.TestDatabase db) throws Exception {
        Path file = dir.resolve("crawl-now.yml");
        Files.writeString(file, """
                database:
                  driverClass: org.postgresql.Driver
                  url: "%s"
                  user: "%s"
                  password: ""
                logging:
                  level: WARN
                  appenders:
                    - type: console
                      target: stderr
                scheduler:
                  crawlSettings: src/test/resources/crawl-loopback.yml
                  pollInterval: 100ms
                """.formatted(db.url(), db.user()));
        return file;
    }

}
