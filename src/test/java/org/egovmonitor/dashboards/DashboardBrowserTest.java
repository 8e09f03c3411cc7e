package org.egovmonitor.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.auth.Role;
import org.egovmonitor.collection.SystemInUse;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.scoring.Grade;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.hostile.HostileServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.dashboards.AsOffice.office;
import static org.egovmonitor.dashboards.AsOffice.created;

/**
 * The three dashboards in a real (headless) Chromium against the real app on the demo registry: each role logs in
 * through the form and lands on its page, charts are drawn, the role rules hold in the browser, and hostile text
 * renders as text. Screenshots go to target/screenshots.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardBrowserTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final String PASSWORD = "browser-password";
    static final String LEADER = "br-leader";
    static final String DEPT = "br-jw";
    static final String DEPT_UNIT = "czs-jw";
    static final String HOSTILE_UNIT = "br-hostile";
    /** Sets a global flag if it ever runs: as markup in a name, as a handler, as a script. */
    static final String PAYLOAD = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>局";

    static Http http;
    static Browser browser;
    static String otherUnit;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        created(office(http.post("/api/units")).json("""
                {"code":"%s","name":"%s","kind":"DEPARTMENT"}""".formatted(HOSTILE_UNIT,
                PAYLOAD.replace("\"", "\\\""))).send());
        created(office(http.post("/api/users")).json("""
                {"username":"%s","role":"LEADER","password":"%s"}""".formatted(LEADER, PASSWORD)).send());
        created(office(http.post("/api/users")).json("""
                {"username":"%s","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                .formatted(DEPT, DEPT_UNIT, PASSWORD)).send());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (LocalDate day : List.of(today.minusDays(60), today.minusDays(30), today)) {
            HttpResponse<String> r = office(http.post("/api/scoring/snapshot?date=" + day)).json("{}").send();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        JsonNode units = Http.json(office(http.get("/api/units?peerGroup=DEPARTMENTS")).send());
        for (JsonNode u : units) {
            if (!u.path("code").asText().equals(DEPT_UNIT) && !u.path("code").asText().equals(HOSTILE_UNIT)) {
                otherUnit = u.path("code").asText();
                break;
            }
        }
        crawlHostileSite(today);
        browser = new Browser(APP.getLocalPort(), installed);
    }

    /**
     * A site on 127.0.0.1 whose section link texts and homepage items carry markup, measured by the real engine and
     * saved in the observation store, so that the drill-down shows the titles exactly as crawled.
     */
    static void crawlHostileSite(LocalDate today) {
        String homepage = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>敌意网站</title></head><body>
                <ul class="nav">
                <li><a href="/tzgg/">&lt;u&gt;通知公告&lt;/u&gt;</a></li>
                <li><a href="/zwdt/">&lt;i&gt;政务动态</a></li>
                <li><a href="/xxgk/">政府信息公开</a></li>
                </ul>
                <ul class="news">
                <li><a href="/zwdt/1.html">&lt;img src=x onerror="window.__xss=1"&gt;局长讲话</a> %s</li>
                <li><a href="/zwdt/2.html">&lt;script&gt;window.__xss=1&lt;/script&gt;会议通知</a> %s</li>
                </ul>
                </body></html>""".formatted(today, today);
        String list = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>列表</title></head><body>
                <ul><li><a href="/zwdt/1.html">&lt;svg onload=window.__xss=1&gt;会议纪要</a> %s</li></ul>
                </body></html>""".formatted(today.minusDays(3));
        // The 政府信息公开 platform lists its own columns: the column tree reads them one level down.
        String platform = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开</title></head><body>
                <ul class="columns"><li><a href="/xxgk/gzdt/">&lt;b&gt;工作动态</a></li>
                <li><a href="/xxgk/zcwj/">政策文件</a></li></ul>
                </body></html>""";
        String blank = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head><body>
                <div class="list">暂无信息</div></body></html>""";
        try (HostileServer server = HostileServer.start();
             MeasurementEngine engine = new MeasurementEngine(CrawlSettings.parse("""
                     perHostDelayMs: 0
                     connectTimeoutMs: 2000
                     readTimeoutMs: 2000
                     deadlineMs: 4000
                     """).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8")))),
                     CrawlerFiles.defaultCatalog())) {
            server.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", homepage));
            server.route("/tzgg/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", list));
            server.route("/zwdt/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", list));
            server.route("/xxgk/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    platform));
            server.route("/xxgk/gzdt/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    list));
            server.route("/xxgk/zcwj/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    blank));
            SiteMeasurement m = engine.measure(server.uri("/"), SiteKind.DEPARTMENT, today);
            assertThat(m.sections()).as(m.toString()).extracting(SiteMeasurement.Section::title).anyMatch(t -> t.contains("<u>"));
            assertThat(m.homepage().entries()).extracting(SiteMeasurement.Entry::title)
                    .anyMatch(t -> t.contains("<script>"));
            assertThat(m.sections()).as(m.toString()).flatExtracting(SiteMeasurement.Section::children)
                    .hasSize(2);
            HttpResponse<String> site = office(http.post("/api/sites")).json("""
                    {"url":"%s","name":"敌意网站","kind":"DEPARTMENT","unitCode":"%s","monitored":false}"""
                    .formatted(server.uri("/"), HOSTILE_UNIT)).send();
            created(site);
            long siteId = Http.json(site).path("id").asLong();
            Jdbi jdbi = JdbiSetup.configure(Jdbi.create(APP.getConfiguration().getDatabase().getUrl(),
                    APP.getConfiguration().getDatabase().getUser(), ""));
            assertThat(new ObservationStore(jdbi).save("browser-test:" + siteId, siteId, m, Instant.now()))
                    .isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    boolean xssFlag() {
        return Boolean.TRUE.equals(browser.js("return window.__xss === 1;"));
    }

    @Nested
    class Office {

        @Test
        void office_logsIn_landsOnOffice_rankingPagedAndSortable() {
            browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.waitForAttribute("data-ready-ranking");
            assertThat(browser.driver().findElement(By.id("demo-banner")).getText()).contains("演示数据");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#ranking-table tbody tr"));
            assertThat(rows).hasSizeBetween(2, 50);
            assertThat(browser.driver().findElement(By.cssSelector(".pager .page-info")).getText()).contains("共");
            browser.driver().findElement(By.xpath("//table[@id='ranking-table']//th[text()='得分']")).click();
            // The page asks the server for the new order; wait for the table drawn from its answer.
            WebElement sorted = browser.waitFor().until(d -> d.findElement(By.cssSelector(
                    "#ranking-table th.sorted-desc")));
            assertThat(sorted.getText()).isEqualTo("得分");
            // A 未评定 unit shows no score (—): the scores shown are in order.
            List<Double> totals = browser.driver().findElements(By.cssSelector("#ranking-table tbody tr td:nth-child(4)"))
                    .stream().map(WebElement::getText).filter(t -> !t.equals("—")).map(Double::parseDouble).toList();
            assertThat(totals).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            browser.screenshot("office");
        }

        @Test
        void office_hostileUnitName_rendersAsText_runsNothing() {
            browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.waitForAttribute("data-ready-ranking");
            browser.driver().findElement(By.id("rk-search")).sendKeys(HOSTILE_UNIT);
            // The search is answered by the server after typing pauses: wait until the hostile unit is the only row.
            WebElement link = browser.waitFor().until(d -> {
                List<WebElement> links = d.findElements(By.cssSelector("#ranking-table a.unit-link"));
                return links.size() == 1 && links.get(0).getText().equals(PAYLOAD) ? links.get(0) : null;
            });
            assertThat(link.getText()).isEqualTo(PAYLOAD);
            assertThat(browser.driver().findElements(By.cssSelector("#ranking-table img"))).isEmpty();
            link.click();
            browser.waitFor().until(d -> d.findElement(By.id("unit-name")).getText().contains("<script>"));
            assertThat(browser.driver().findElement(By.id("unit-name")).getText()).contains(PAYLOAD);
            assertThat(browser.driver().findElements(By.cssSelector("#tab-unit img, #tab-unit script"))).isEmpty();
            // The scorecard drawn by the renderer the unit's own page uses, its states named by the API's labels.
            assertThat(browser.driver().findElement(By.id("indicator-table")).getText()).contains("已评分");
            browser.waitForAttribute("data-ready-crawl");
            String crawl = browser.driver().findElement(By.cssSelector(".crawl")).getText();
            assertThat(crawl).contains("<u>通知公告</u>").contains("<i>政务动态")
                    .contains("<img src=x onerror=\"window.__xss=1\">局长讲话")
                    .contains("<script>window.__xss=1</script>会议通知");
            // The 政府信息公开 platform's sub-columns are nested under it, the blank one marked.
            assertThat(crawl).contains("└ <b>工作动态").contains("└ 政策文件").contains("空白");
            assertThat(browser.driver().findElements(By.cssSelector(".crawl tr.crawl-child"))).hasSize(2);
            assertThat(browser.driver().findElements(By.cssSelector(
                    ".crawl img, .crawl script, .crawl u, .crawl i, .crawl b"))).isEmpty();
            browser.screenshot("office-drilldown");
            // The unit's own page shows the same tree (the office may open any unit's page).
            browser.open("/department.html?unit=" + HOSTILE_UNIT);
            browser.waitForAttribute("data-site-columns");
            String columns = browser.driver().findElement(By.id("site-columns")).getText();
            assertThat(columns).contains("<u>通知公告</u>").contains("└ <b>工作动态").contains("└ 政策文件")
                    .contains("空白");
            assertThat(browser.driver().findElements(By.cssSelector(
                    "#site-columns img, #site-columns script, #site-columns u, #site-columns b"))).isEmpty();
            browser.open("/office.html#matrix");
            browser.waitForAttribute("data-ready-matrix");
            assertThat(browser.driver().findElement(By.id("matrix-table")).getText()).contains(PAYLOAD);
            assertThat(xssFlag()).isFalse();
        }

        @Test
        void office_matrixJobsAndReviewQueue_render() {
            browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.open("/office.html#matrix");
            browser.waitForAttribute("data-ready-matrix");
            assertThat(browser.driver().findElements(By.cssSelector("#matrix-table td.cell"))).isNotEmpty();
            browser.open("/office.html#jobs");
            browser.waitForAttribute("data-ready-jobs");
            assertThat(browser.driver().findElements(By.cssSelector("#jobs button.trigger"))).isNotEmpty();
            browser.open("/office.html#reviews");
            browser.waitForAttribute("data-ready-reviews");
            assertThat(browser.driver().findElement(By.id("review-reports")).isDisplayed()).isTrue();
        }

        /**
         * A crawl round 30 minutes in with 100 of 1,000 sites finished and a 2-hour window (as a node records it):
         * the jobs tab shows when it should finish and that it cannot make its window.
         */
        @Test
        void office_jobs_runningRoundShowsEstimatedFinishAndOverrun() {
            Jdbi jdbi = JdbiSetup.configure(Jdbi.create(APP.getConfiguration().getDatabase().getUrl(),
                    APP.getConfiguration().getDatabase().getUser(), ""));
            long runId = jdbi.withHandle(h -> h.createQuery("""
                    INSERT INTO job_runs (job, instance_id, cause, started_at, total, done)
                    VALUES ('crawl-round', 'browser-node', 'MANUAL', now() - interval '30 minutes', 1000, 100)
                    RETURNING id""").mapTo(Long.class).one());
            jdbi.useHandle(h -> h.execute("""
                    INSERT INTO crawl_rounds (run_id, total, measured_on, created_at, window_ms, workers_needed,
                                              workers_per_node, sizing_note)
                    VALUES (?, 1000, current_date, now() - interval '30 minutes', 7200000, 24, 24, '自动')""",
                    runId));
            try {
                browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
                browser.open("/office.html#jobs");
                browser.waitForAttribute("data-ready-jobs");
                assertThat(browser.driver().findElement(By.cssSelector("#jobs .round-eta")).getText())
                        .matches("预计完成时间 .+（剩余约 4 小时 \\d+ 分钟）");
                assertThat(browser.driver().findElement(By.cssSelector("#jobs .round-overrun")).getText())
                        .isEqualTo("按目前速度，本轮无法在轮次窗口内完成");
            } finally {
                jdbi.useHandle(h -> {
                    h.execute("UPDATE crawl_rounds SET status = 'FINISHED', finished_at = now() WHERE run_id = ?",
                            runId);
                    h.execute("UPDATE job_runs SET status = 'SUCCEEDED', finished_at = now() WHERE id = ?", runId);
                });
            }
        }

        /** The two tabs the other tests leave out; their choices and names come from /api/labels. */
        @Test
        void office_warningsAndRegistry_render_choicesNamedByTheApi() {
            browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            // the grade choices are filled once /api/labels has answered; the login lands before that
            browser.waitForAttribute("data-ready-ranking");
            assertThat(optionTexts("rk-grade")).containsExactlyElementsOf(Stream.concat(Stream.of("全部"),
                    Arrays.stream(Grade.values()).map(Grade::label)).toList());
            browser.open("/office.html#warnings");
            browser.waitForAttribute("data-ready-warnings");
            assertThat(optionTexts("wn-group")).containsExactlyElementsOf(Stream.concat(Stream.of("全部"),
                    Arrays.stream(PeerGroup.values()).map(PeerGroup::label)).toList());
            List<String> kinds = browser.driver().findElements(By.cssSelector("#warnings-table tbody td:nth-child(3)"))
                    .stream().map(WebElement::getText).toList();
            assertThat(kinds).isNotEmpty().allMatch(k -> k.equals("预警") || k.equals("单项否决"));

            browser.open("/office.html#registry");
            browser.waitForAttribute("data-ready-registry");
            assertThat(browser.driver().findElements(By.cssSelector("#units-table tbody tr"))).hasSizeGreaterThan(1);
            assertThat(optionTexts("uf-kind")).containsExactlyElementsOf(
                    Arrays.stream(UnitKind.values()).map(UnitKind::label).toList());
            assertThat(optionTexts("us-role")).containsExactlyElementsOf(
                    Arrays.stream(Role.values()).map(Role::label).toList());
            // A new account is a department's unless the office chooses otherwise.
            assertThat(browser.js("return document.getElementById('us-role').value;")).isEqualTo("DEPARTMENT");
            WebElement users = browser.waitFor().until(d -> d.findElement(By.id("users-table")));
            assertThat(users.getText()).contains(TestApp.OFFICE_USER + " ").contains("信息化办公室");
        }

        List<String> optionTexts(String selectId) {
            return browser.driver().findElements(By.cssSelector("#" + selectId + " option")).stream()
                    .map(o -> o.getAttribute("textContent")).toList();
        }

        @Test
        void office_whatIf_changedWeightRescoresWithoutSaving_badWeightExplained() {
            browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            String rankingBefore = office(http.get("/api/rankings?limit=1000")).send().body();
            browser.open("/office.html#whatif");
            browser.waitForAttribute("data-ready-whatif");
            assertThat(browser.driver().findElements(By.cssSelector("#rules-table tbody tr")))
                    .hasSize(IndicatorCatalogue.loadDefault().indicators().size());
            WebElement liaison = browser.driver().findElement(By.id("wi-w-liaison"));
            liaison.clear();
            liaison.sendKeys("60");
            browser.driver().findElement(By.id("wi-run")).click();
            browser.waitForAttribute("data-ready-whatif-result");
            assertThat(browser.driver().findElement(By.id("wi-status")).getText()).contains("未保存");
            assertThat(browser.driver().findElements(By.cssSelector("#whatif-summary li"))).isNotEmpty();
            // A weight of 60 for one indicator moves scores in a city where some units lack a liaison officer.
            assertThat(browser.driver().findElements(By.cssSelector("#whatif-table tbody tr"))).isNotEmpty();
            assertThat(office(http.get("/api/rankings?limit=1000")).send().body()).isEqualTo(rankingBefore);

            liaison.clear();
            liaison.sendKeys("500");
            browser.driver().findElement(By.id("wi-run")).click();
            browser.waitFor().until(d -> d.findElement(By.id("wi-summary")).getText()
                    .contains("信息联络员 权重：权重应在 0 到 100 之间"));
            assertThat(browser.driver().findElements(By.cssSelector("#whatif-table"))).isEmpty();
            browser.screenshot("office-whatif");
        }
    }

    @Nested
    class Leader {

        @Test
        void leader_logsIn_landsOnLeader_everyChartDrawn() {
            browser.login(LEADER, PASSWORD, "/leader.html");
            browser.waitFor().until(d -> "true".equals(browser.js("return document.body.getAttribute('data-ready');")));
            for (String canvas : List.of("chart-network-group", "chart-network-county", "chart-coverage-history",
                    "chart-lan", "chart-freshness")) {
                assertThat(browser.paintedPixels(canvas)).as(canvas).isGreaterThan(500);
            }
            assertThat(browser.driver().findElement(By.cssSelector("#kpi-network .kpi-value")).getText())
                    .matches("\\d+ / \\d+");
            // Departments without a site are a bucket of their own, not counted as 严重滞后.
            assertThat(String.valueOf(browser.js("var c = Chart.getChart('chart-freshness'); return c.data.datasets"
                    + ".filter(function (d) { return d.label === '未建网站'; })"
                    + ".map(function (d) { return d.data.reduce(function (a, b) { return a + b; }, 0); })[0];")))
                    .matches("[1-9][0-9]*");
            assertThat(browser.driver().findElements(By.cssSelector("#top-bottom table"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#top-bottom tbody tr"))).isNotEmpty();
            browser.screenshot("leader");
        }

        @Test
        void leader_officePage_403Html_departmentPage_redirected() {
            browser.login(LEADER, PASSWORD, "/leader.html");
            browser.open("/office.html");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("没有权限访问此页面");
            browser.open("/department.html?unit=" + DEPT_UNIT);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/leader.html");
        }
    }

    @Nested
    class Department {

        @Test
        void department_logsIn_ownScorecard_historyDrawn() {
            browser.login(DEPT, PASSWORD, "/department.html");
            browser.waitFor().until(d -> "true".equals(browser.js("return document.body.getAttribute('data-ready');")));
            String name = Http.json(office(http.get("/api/units/" + DEPT_UNIT)).send()).path("unit").path("name")
                    .asText();
            assertThat(browser.driver().findElement(By.id("unit-name")).getText()).startsWith(name);
            assertThat(browser.driver().findElement(By.id("rank-line")).getText()).containsPattern("第 \\d+ / \\d+ 名");
            assertThat(browser.driver().findElements(By.cssSelector("#indicator-table tbody tr"))).hasSizeGreaterThan(5);
            assertThat(browser.paintedPixels("history-chart")).isGreaterThan(500);
            assertThat(browser.driver().findElements(By.cssSelector("#sr-systems label")).stream()
                    .map(WebElement::getText).toList()).containsExactlyElementsOf(
                    Arrays.stream(SystemInUse.values()).map(SystemInUse::label).toList());
            // Its own row among the units ranked around it.
            WebElement mine = browser.waitFor().until(d -> d.findElement(By.cssSelector("#ranking tr.mine")));
            assertThat(mine.getText()).contains(name);
            browser.screenshot("department");
        }

        @Test
        void department_otherUnit_pageAndApi403_csrfMissing403() {
            browser.login(DEPT, PASSWORD, "/department.html");
            browser.open("/department.html?unit=" + otherUnit);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("没有权限访问此页面");
            browser.open("/office.html");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("没有权限访问此页面");
            browser.open("/department.html");
            assertThat(browser.fetchStatus("GET", "/api/units/" + otherUnit + "/scorecard", null, true))
                    .isEqualTo(403);
            assertThat(browser.fetchStatus("GET", "/api/units/" + otherUnit + "/self-reports", null, true))
                    .isEqualTo(403);
            assertThat(browser.fetchStatus("GET", "/api/units/" + otherUnit + "/measurements/latest", null, true))
                    .isEqualTo(403);
            assertThat(browser.fetchStatus("GET", "/api/units/" + DEPT_UNIT + "/measurements/latest", null, true))
                    .isEqualTo(200);
            String report = """
                    {"reportDate":"2024-06-01","lanPresent":true,"computers":10,"networkedComputers":8,"staff":20,
                     "internetAccess":true,"oaInUse":false,"egovConnected":true,"systems":[],"otherSystems":[]}""";
            assertThat(browser.fetchStatus("POST", "/api/units/" + otherUnit + "/self-reports", report, true))
                    .isEqualTo(403);
            assertThat(browser.fetchStatus("POST", "/api/units/" + DEPT_UNIT + "/self-reports", report, false))
                    .isEqualTo(403);
            assertThat(browser.fetchStatus("POST", "/api/units/" + DEPT_UNIT + "/self-reports", report, true))
                    .isEqualTo(201);
        }

        @Test
        void department_selfReportForm_submits_hostileNoteShownAsTextToOffice() {
            browser.login(DEPT, PASSWORD, "/department.html");
            browser.waitFor().until(d -> browser.js("return document.body.getAttribute('data-ready');") != null);
            var d = browser.driver();
            d.findElement(By.id("sr-staff")).sendKeys("30");
            d.findElement(By.id("sr-computers")).sendKeys("25");
            d.findElement(By.id("sr-networked")).sendKeys("20");
            d.findElement(By.id("sr-lan")).click();
            d.findElement(By.id("sr-note")).sendKeys(PAYLOAD);
            d.findElement(By.id("sr-submit")).click();
            browser.waitFor().until(x -> x.findElement(By.id("sr-message")).isDisplayed());
            assertThat(d.findElement(By.id("sr-message")).getText()).contains("已提交");
            browser.waitFor().until(x -> x.findElement(By.id("self-report-table")).getText().contains("待审核"));

            browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.open("/office.html#reviews");
            browser.waitForAttribute("data-ready-reviews");
            assertThat(d.findElement(By.id("review-reports")).getText()).contains(PAYLOAD);
            assertThat(d.findElements(By.cssSelector("#review-reports img"))).isEmpty();
            assertThat(xssFlag()).isFalse();

            // Approving re-scores the unit at once, and the page says so with the unit's score.
            d.findElements(By.cssSelector("#review-reports tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(PAYLOAD)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("button.approve")).click();
            browser.waitFor().until(x -> !x.findElements(By.id("rv-rescored-text")).isEmpty());
            assertThat(d.findElement(By.id("rv-rescored-text")).getText()).startsWith("已按新数据重新评分")
                    .contains("得分");
        }
    }
}
