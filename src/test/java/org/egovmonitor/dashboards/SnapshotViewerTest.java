package org.egovmonitor.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.hostile.HostileServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.dashboards.AsOffice.created;
import static org.egovmonitor.dashboards.AsOffice.office;

/**
 * Evidence snapshots end to end (网页快照取证): a hostile site on 127.0.0.1 is measured by the real engine with the
 * app's snapshot store, saved and scored; its stale-section finding carries the snapshot of the section page, which
 * the API returns as text (never markup) to the office, leaders and its own unit only, and which both scorecards
 * open in a dialog with the finding's date highlighted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SnapshotViewerTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final String PASSWORD = "snapshot-password";
    static final String UNIT = "sn-a";
    static final String OTHER_UNIT = "sn-b";
    static final String STALE = "2023-01-05";

    static Http http;
    static Browser browser;
    /** The stale section's finding: its snapshot and its date. */
    static String sha;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        for (String unit : List.of(UNIT, OTHER_UNIT)) {
            created(office(http.post("/api/units")).json("""
                    {"code":"%s","name":"快照单位%s","kind":"DEPARTMENT"}""".formatted(unit, unit)).send());
            created(office(http.post("/api/users")).json("""
                    {"username":"%s-dept","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                    .formatted(unit, unit, PASSWORD)).send());
        }
        created(office(http.post("/api/users")).json("""
                {"username":"sn-leader","role":"LEADER","password":"%s"}""".formatted(PASSWORD)).send());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        crawl(today);
        HttpResponse<String> r = office(http.post("/api/scoring/snapshot?date=" + today)).json("{}").send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode findings = Http.json(office(http.get("/api/units/" + UNIT + "/scorecard")).send())
                .path("score").path("findings");
        for (JsonNode f : findings) {
            JsonNode ev = f.path("evidence");
            if (ev.path("url").asText().endsWith("/tzgg/") && STALE.equals(ev.path("date").asText())) {
                sha = ev.path("snapshot").asText(null);
            }
        }
        assertThat(sha).as(findings.toString()).matches("[0-9a-f]{64}");
        browser = new Browser(APP.getLocalPort(), installed);
    }

    /** A script include of the stale page: markup in an attribute, so only in the page's source. */
    static final String SCRIPT_ADDRESS = "/js/count.js?u=<img src=x onerror=window.__xss=1>&amp;t=1";

    /** A site of UNIT whose 通知公告 list was last updated long ago, with markup in its text and a real script. */
    static void crawl(LocalDate today) {
        String homepage = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>快照测试网站</title></head><body>
                <ul class="nav"><li><a href="/tzgg/">通知公告</a></li><li><a href="/zwdt/">政务动态</a></li></ul>
                <ul class="news"><li><a href="/zwdt/1.html">局长讲话</a> %s</li></ul>
                </body></html>""".formatted(today);
        String stale = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title>
                <script>window.__xss = 1; var realScriptBody = 1;</script>
                <script src="%s"></script></head><body>
                <ul class="list">
                <li><a href="/tzgg/1.html">&lt;script&gt;window.__xss=1&lt;/script&gt;关于春节放假的通知</a>
                    <span>%s</span></li>
                <li><a href="/tzgg/2.html">&lt;img src=x onerror="window.__xss=1"&gt;关于元旦放假的通知</a>
                    <span>2022-12-28</span></li>
                </ul></body></html>""".formatted(SCRIPT_ADDRESS, STALE);
        String fresh = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>政务动态</title></head><body>
                <ul class="list"><li><a href="/zwdt/1.html">局长讲话</a> <span>%s</span></li></ul>
                </body></html>""".formatted(today);
        CrawlSettings settings = CrawlSettings.parse("""
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 2000
                deadlineMs: 4000
                maxLinkChecksPerSite: 5
                """).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8"))));
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(APP.getConfiguration().getDatabase().getUrl(),
                APP.getConfiguration().getDatabase().getUser(), ""));
        ObservationStore store = new ObservationStore(jdbi);
        try (HostileServer server = HostileServer.start();
             HttpPageFetcher fetcher = new HttpPageFetcher(settings.fetch());
             MeasurementEngine engine = new MeasurementEngine(fetcher, settings, CrawlerFiles.defaultCatalog(),
                     SiteChecks.NONE, store.evidence())) {
            server.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", homepage));
            server.route("/tzgg/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", stale));
            server.route("/zwdt/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", fresh));
            HttpResponse<String> site = office(http.post("/api/sites")).json("""
                    {"url":"%s","name":"快照测试网站","kind":"DEPARTMENT","unitCode":"%s"}"""
                    .formatted(server.uri("/"), UNIT)).send();
            created(site);
            long siteId = Http.json(site).path("id").asLong();
            SiteMeasurement m = engine.measure(server.uri("/"), SiteKind.DEPARTMENT, today);
            assertThat(m.sections()).as(m.toString()).extracting(SiteMeasurement.Section::newestDate)
                    .contains(LocalDate.parse(STALE));
            assertThat(store.save("snapshot-test:" + siteId, siteId, m, Instant.now())).isTrue();
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

    private static HttpResponse<String> get(String path, String user) {
        Http.Request r = http.get(path);
        return user == null ? office(r).send() : r.basic(user, PASSWORD).send();
    }

    private static String path(String mark) {
        return "/api/snapshots/" + sha + "?mark=" + URLEncoder.encode(mark, StandardCharsets.UTF_8);
    }

    @Test
    void api_office_pageAsText_markupOfThePageIsText_scriptsGone_dateLocated() {
        HttpResponse<String> r = get(path(STALE), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = Http.json(r);
        String text = v.path("text").asText();
        assertThat(v.path("url").asText()).endsWith("/tzgg/");
        assertThat(v.path("contentType").asText()).startsWith("text/html");
        assertThat(v.path("size").asLong()).isPositive();
        // what the page shows as text stays text; what it runs is not shown at all
        assertThat(text).contains("<script>window.__xss=1</script>关于春节放假的通知", "关于元旦放假的通知")
                .doesNotContain("realScriptBody");
        JsonNode marks = v.path("marks");
        assertThat(marks).hasSize(1);
        assertThat(text.substring(marks.get(0).path("start").asInt(), marks.get(0).path("end").asInt()))
                .isEqualTo(STALE);
    }

    @Test
    void api_markOnlyInTheSource_sourceLineWithItAsText() {
        String mark = SCRIPT_ADDRESS.replace("&amp;", "&");
        JsonNode v = Http.json(get(path(mark), null));
        assertThat(v.path("marks")).isEmpty();
        assertThat(v.path("source")).hasSize(1);
        JsonNode line = v.path("source").get(0);
        String text = line.path("text").asText();
        assertThat(text).contains("<script src=\"" + SCRIPT_ADDRESS + "\"></script>");
        JsonNode m = line.path("marks").get(0);
        assertThat(text.substring(m.path("start").asInt(), m.path("end").asInt())).isEqualTo(SCRIPT_ADDRESS);
    }

    @Test
    void api_access_ownUnitAndLeaderYes_otherUnitForbidden_unknownNotFound() {
        assertThat(get(path(STALE), UNIT + "-dept").statusCode()).isEqualTo(200);
        assertThat(get(path(STALE), "sn-leader").statusCode()).isEqualTo(200);
        HttpResponse<String> other = get(path(STALE), OTHER_UNIT + "-dept");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("本单位").doesNotContain("春节");
        assertThat(get("/api/snapshots/" + "f".repeat(64), null).statusCode()).isEqualTo(404);
        assertThat(get("/api/snapshots/not-a-hash", null).statusCode()).isEqualTo(404);
        assertThat(http.get(path(STALE)).send().statusCode()).isEqualTo(401);
    }

    /** Opens the first 网页快照 of the page and returns the marked parts, after checking nothing ran. */
    private List<String> openFirstSnapshot() {
        WebElement link = browser.waitFor().until(d -> d.findElement(By.cssSelector(
                ".snapshot-link[data-snapshot='" + sha + "']")));
        link.click();
        browser.waitFor().until(d -> d.findElement(By.cssSelector("#snapshot-dialog[data-ready]")));
        WebElement text = browser.driver().findElement(By.id("snapshot-text"));
        assertThat(text.getText()).contains("<script>window.__xss=1</script>关于春节放假的通知");
        // the only elements inside the page text are the marks
        List<WebElement> inside = text.findElements(By.cssSelector("*"));
        List<WebElement> marks = text.findElements(By.cssSelector("mark"));
        assertThat(inside).hasSameSizeAs(marks);
        assertThat(browser.js("return window.__xss === 1;")).isEqualTo(false);
        return marks.stream().map(WebElement::getText).toList();
    }

    @Test
    void browser_department_opensTheSnapshotOfItsFinding_dateHighlighted() {
        browser.login(UNIT + "-dept", PASSWORD, "/department.html");
        browser.waitForAttribute("data-ready");
        assertThat(openFirstSnapshot()).containsExactly(STALE);
        assertThat(browser.driver().findElement(By.id("snapshot-found")).getText()).contains("1 处");
        browser.screenshot("snapshot-department");
        browser.driver().findElement(By.id("snapshot-close")).click();
        assertThat(browser.js("return document.getElementById('snapshot-dialog').open;")).isEqualTo(false);
    }

    @Test
    void browser_office_unitScorecard_showsTheSnapshotToo() {
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.open("/office.html#unit/" + UNIT);
        assertThat(openFirstSnapshot()).containsExactly(STALE);

        // an excerpt only in the markup (a script's address) is shown in the source line it stands on, as text
        browser.driver().findElement(By.id("snapshot-close")).click();
        browser.js("window.Egov.openSnapshot(arguments[0], arguments[1]);", sha, SCRIPT_ADDRESS.replace("&amp;", "&"));
        browser.waitFor().until(d -> d.findElement(By.cssSelector("#snapshot-dialog[data-ready]")));
        assertThat(browser.driver().findElement(By.id("snapshot-found")).getText()).contains("页面源代码");
        WebElement source = browser.driver().findElement(By.id("snapshot-source"));
        assertThat(source.getText()).contains("源代码第 ", "<script src=\"" + SCRIPT_ADDRESS + "\"></script>");
        assertThat(source.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(source.findElements(By.cssSelector("mark"))).extracting(WebElement::getText)
                .containsExactly(SCRIPT_ADDRESS);
        assertThat(browser.js("return window.__xss === 1;")).isEqualTo(false);
        browser.screenshot("snapshot-source");
    }
}
