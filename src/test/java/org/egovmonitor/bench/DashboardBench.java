package org.egovmonitor.bench;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.dashboards.Browser;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;

/**
 * Dashboard benchmark (docs/bench/dashboards.sh): each page of the demo city loaded in headless Chromium until its
 * data is shown and its charts drawn (the pages stamp {@code data-ready-ms}, milliseconds since navigation start),
 * then the office ranking with 15,000 units in one peer group. Figures on stderr: median and max of N loads.
 */
public final class DashboardBench {

    private static final String PASSWORD = "bench-password";

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int bigUnits = args.length > 1 ? Integer.parseInt(args[1]) : 15_000;
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        DropwizardTestSupport<EgovMonitorConfiguration> app = new DropwizardTestSupport<>(
                EgovMonitorApplication.class, "config.yml",
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)),
                ConfigOverride.config("database.url", db.url()), ConfigOverride.config("database.user", db.user()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("demo", "true"),
                ConfigOverride.config("scheduler.enabled", "false"),
                ConfigOverride.config("auth.adminUsername", TestApp.OFFICE_USER),
                ConfigOverride.config("auth.adminPassword", TestApp.OFFICE_PASSWORD),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("server.requestLog.appenders[0].threshold", "OFF"));
        app.before();
        try {
            Http http = new Http(app.getLocalPort());
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            for (LocalDate day : List.of(today.minusDays(30), today)) {
                http.post("/api/scoring/snapshot?date=" + day).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                        .json("{}").send();
            }
            for (String user : List.of("{\"username\":\"bench-leader\",\"role\":\"LEADER\"",
                    "{\"username\":\"bench-jw\",\"role\":\"DEPARTMENT\",\"unitCode\":\"czs-jw\"")) {
                http.post("/api/users").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                        .json(user + ",\"password\":\"" + PASSWORD + "\"}").send();
            }
            try (Browser browser = new Browser(app.getLocalPort())) {
                browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
                report("office (demo, ranking tab)", measure(browser, "/office.html#ranking", "data-ready-ranking", loads));
                report("office (demo, matrix tab)", measure(browser, "/office.html#matrix", "data-ready-matrix", loads));
                browser.login("bench-leader", PASSWORD, "/leader.html");
                report("leader (demo, 5 charts)", measure(browser, "/leader.html", "data-ready", loads));
                browser.login("bench-jw", PASSWORD, "/department.html");
                report("department (demo)", measure(browser, "/department.html", "data-ready", loads));

                db.jdbi().useHandle(h -> h.execute("""
                        WITH t AS (SELECT * FROM unit_scores WHERE day = ? AND unit_code = 'czs-jw')
                        INSERT INTO unit_scores
                        SELECT t.day, 'bench-' || g, '基准单位' || g, 'DEPARTMENTS', (g * 37 % 1000) / 10.0,
                               t.scored_weight, t.bonus, t.grade, t.vetoed, 100 + g, (g % 7) - 3, t.bottleneck,
                               t.bottleneck_shortfall, t.veto_count, t.warning_count
                          FROM t, generate_series(1, ?) g""", today, bigUnits));
                db.jdbi().useHandle(h -> h.execute("""
                        INSERT INTO unit_score_details
                        SELECT d.day, 'bench-' || g, d.indicators, d.findings
                          FROM unit_score_details d, generate_series(1, ?) g
                         WHERE d.day = ? AND d.unit_code = 'czs-jw'""", bigUnits, today));
                db.jdbi().useHandle(h -> h.execute("ANALYZE"));
                browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
                report("office ranking, " + bigUnits + " units in one group",
                        measure(browser, "/office.html#ranking", "data-ready-ranking", loads));
                report("office matrix page, " + bigUnits + " units in one group",
                        measure(browser, "/office.html#matrix", "data-ready-matrix", loads));
            }
        } finally {
            app.after();
        }
        System.exit(0);
    }

    private static List<Long> measure(Browser browser, String path, String attribute, int loads) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < loads + 1; i++) {
            browser.open("/login.html"); // leave the page so that the next open is a full navigation
            browser.open(path);
            browser.waitForAttribute(attribute + "-ms");
            long value = Long.parseLong(String.valueOf(browser.js(
                    "return document.body.getAttribute(arguments[0]);", attribute + "-ms")));
            if (i > 0) { // the first load warms the JVM and the browser cache
                ms.add(value);
            }
        }
        return ms;
    }

    private static void report(String what, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.err.printf("%-45s median %5d ms   max %5d ms   (%d loads)%n", what, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
