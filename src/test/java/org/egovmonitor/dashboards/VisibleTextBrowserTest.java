package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.dashboards.AsOffice.office;
import static org.egovmonitor.dashboards.AsOffice.created;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.demo.DemoApp;
import org.egovmonitor.jobs.JobName;
import org.egovmonitor.jobs.JobRunDao;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;

/**
 * No English word or internal code reaches a user: the three roles on the demo (its first crawl round, snapshot,
 * issued tasks), every page and every office tab — discovered from the page's {@code nav.tabs},
 * so tabs added later are scanned too — at desk and phone width. Every visible text node, the placeholders, titles,
 * aria-labels, options, button values, the document title and the charts' labels are read, and each run of four or
 * more Latin letters that is not an address, a file name, a unit code, a user name or one of {@link #ALLOWED_WORDS}
 * is reported with the page and tab it was found on.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class VisibleTextBrowserTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = DemoApp.extension(
            new FileConfigurationSourceProvider(), ConfigOverride.config("logging.level", "WARN"));
    static final String PASSWORD = "visible-text-password";
    static final String LEADER = "vt-leader";
    static final String DEPT = "vt-dept";
    /** A unit with a website and a veto in the demo (its homepage is over a year old): tasks, findings, sections. */
    static final String DEPT_UNIT = "czs-zjj";
    static final Duration FIRST_ROUND = Duration.ofSeconds(150);
    static final List<Integer> WIDTHS = List.of(1440, 390);

    /**
     * Latin words users know as they are: protocols and formats named on the pages (HTTP 状态, 导出 CSV, YAML 登记表,
     * Word/PDF 下载), address kinds (IPv6, ICP 备案), sizes (KB/MB), and the product names of channels (微信 robots are
     * "WeCom" in their own UI). Compared case-sensitively: "HTTP" is allowed, "http" in prose is not.
     */
    static final Set<String> ALLOWED_WORDS = Set.of("HTTP", "HTTPS", "HTML", "JSON", "CSV", "YAML", "PDF", "Word",
            "Excel", "IPv6", "IPv4", "ICP", "KB", "MB", "GB", "SMTP", "WeCom", "DingTalk", "Webhook", "webhook", "UTF", "URL",
            "docx", "xlsx", "Chrome", "Basic");
    /** An address, a host or an e-mail: crawled sites and their pages are named by them. */
    static final Pattern ADDRESS = Pattern.compile("^(https?://\\S*"
            + "|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(cn|com|net|org|gov|edu|test|local)(:\\d+)?(/\\S*)?"
            + "|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+)$");
    /** A downloaded file's name (rankings.csv, bulletin-2026-12.docx). */
    static final Pattern FILE_NAME = Pattern.compile("(?i)^[\\w.-]+\\.(csv|pdf|docx|xlsx|json|txt|yml)$");
    /** A run of ASCII that is one "word" to a reader: what an allow-list entry is compared with. */
    static final Pattern ASCII_RUN = Pattern.compile("[A-Za-z0-9_.:/?=&%#~+@-]+");
    static final Pattern LEAK = Pattern.compile("[A-Za-z_]{4,}");

    /**
     * Counts the page's fetches in flight and when the last one settled, from before its own scripts run, so that a
     * tab is read only once its data has been drawn.
     */
    static final String FETCH_COUNTER = """
            (function () {
              var original = window.fetch;
              window.__vtPending = 0;
              window.__vtSettled = performance.now();
              window.fetch = function () {
                window.__vtPending++;
                function done() { window.__vtPending--; window.__vtSettled = performance.now(); }
                return original.apply(this, arguments).then(function (r) {
                  return r.clone().text().then(function () { done(); return r; }, function () { done(); return r; });
                }, function (e) { done(); throw e; });
              };
            }());""";

    /**
     * Every text a user can see or hear on the page: visible text nodes, the attributes shown as text or read by a
     * screen reader, the options of visible lists, button values, the window title and the charts' labels.
     */
    static final String COLLECT = """
            var out = [];
            function visible(e) {
              if (!e || !e.getClientRects().length) { return false; }
              var s = getComputedStyle(e);
              return s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0';
            }
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            var n;
            while ((n = walker.nextNode())) {
              var p = n.parentElement;
              if (!p || p.closest('script,style,noscript,template')) { continue; }
              if (n.nodeValue.trim() && visible(p)) { out.push(n.nodeValue.trim()); }
            }
            document.querySelectorAll('[placeholder],[title],[aria-label],input[type=button],input[type=submit]')
              .forEach(function (e) {
                if (!visible(e) && !visible(e.parentElement)) { return; }
                ['placeholder', 'title', 'aria-label'].forEach(function (a) {
                  if (e.getAttribute(a)) { out.push(e.getAttribute(a)); }
                });
                if (e.type === 'button' || e.type === 'submit') { out.push(e.value); }
              });
            document.querySelectorAll('select').forEach(function (s) {
              if (visible(s)) { Array.prototype.forEach.call(s.options, function (o) { out.push(o.text); }); }
            });
            out.push(document.title);
            if (window.Chart && window.Chart.instances) {
              Object.values(window.Chart.instances).forEach(function (c) {
                if (!visible(c.canvas)) { return; }
                (c.data.labels || []).forEach(function (l) { out.push([].concat(l).join(' ')); });
                (c.data.datasets || []).forEach(function (d) { if (d.label) { out.push(d.label); } });
                var t = c.options.plugins && c.options.plugins.title;
                if (t && t.display && t.text) { out.push([].concat(t.text).join(' ')); }
              });
            }
            return out;""";

    static final Path TEXTS = Path.of("target", "visible-text");
    /** What each page showed, by "page @width". */
    static final Map<String, String> SEEN = new LinkedHashMap<>();

    static Http http;
    static Browser browser;
    /** Unit codes and account names: shown as data, allowed as whole words. */
    static final Set<String> NAMES = new HashSet<>();

    @BeforeAll
    static void demoWithTasks() throws InterruptedException {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        LocalDate today = LocalDate.now(APP.getConfiguration().zoneId());
        Await.until("the demo's first snapshot", FIRST_ROUND, () -> {
            HttpResponse<String> r = office(http.get("/api/rankings?limit=1")).send();
            return r.statusCode() == 200 && Http.json(r).size() > 0;
        });
        created(office(http.post("/api/users")).json("""
                {"username":"%s","role":"LEADER","password":"%s"}""".formatted(LEADER, PASSWORD)).send());
        created(office(http.post("/api/users")).json("""
                {"username":"%s","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                .formatted(DEPT, DEPT_UNIT, PASSWORD)).send());
        created(office(http.post("/api/rectification/tasks/vetoed")).json("""
                {"deadline":"%s","note":"请两周内整改"}""".formatted(today.plusDays(14))).send());
        recordProbeFailure();
        for (JsonNode u : Http.json(office(http.get("/api/units")).send())) {
            NAMES.add(u.path("code").asText());
        }
        for (JsonNode u : Http.json(office(http.get("/api/users")).send())) {
            NAMES.add(u.path("username").asText());
        }
        browser = new Browser(APP.getLocalPort(), installed);
        ((HasCdp) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", FETCH_COUNTER));
    }

    /**
     * A failed item in the newest availability probe, recorded as the prober records one, so that 任务状态 has a run
     * whose failures can be opened (the demo's sites never make the prober itself fail).
     */
    static void recordProbeFailure() {
        var db = APP.getConfiguration().getDatabase();
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(db.getUrl(), db.getUser(), ""));
        jdbi.useHandle(h -> {
            long run = h.createQuery("SELECT max(id) FROM job_runs WHERE job = :job")
                    .bind("job", JobName.AVAILABILITY_PROBE.id()).mapTo(Long.class).one();
            h.attach(JobRunDao.class).addFailure(run, "http://www.example-unit.gov.cn/", Messages.get("failure.probe"));
            h.execute("UPDATE job_runs SET failed = failed + 1 WHERE id = ?", run);
        });
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noLatinWordOrCodeIsShownOnAnyPageOrTab() {
        Set<String> leaks = new LinkedHashSet<>();

        for (int width : WIDTHS) {
            browser.resize(width, 900);
            browser.driver().manage().deleteAllCookies();
            browser.open("/login.html");
            settle();
            leaks.addAll(scan("login.html", width));
        }

        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        List<String> tabs = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector("nav.tabs a[data-tab]"))) {
            tabs.add(a.getAttribute("data-tab"));
        }
        assertThat(tabs).as("the office's tabs").contains("ranking", "unit", "jobs", "alerts", "bulletins");
        for (int width : WIDTHS) {
            browser.resize(width, 900);
            for (String tab : tabs) {
                browser.open("/office.html#" + tab);
                settle();
                leaks.addAll(scan("office.html#" + tab, width));
            }
            browser.open("/office.html#unit/" + DEPT_UNIT);
            browser.waitForAttribute("data-ready-crawl");
            settle();
            leaks.addAll(scan("office.html#unit/" + DEPT_UNIT, width));
            browser.open("/office.html#jobs");
            settle();
            List<WebElement> failed = browser.driver().findElements(By.cssSelector("#runs-table a[href='#jobs']"));
            assertThat(failed).as("a run with failures to open").isNotEmpty();
            failed.get(0).click();
            browser.waitFor().until(d -> !d.findElements(By.cssSelector("#run-detail table")).isEmpty());
            settle();
            leaks.addAll(scan("office.html#jobs（运行失败项）", width));
        }

        browser.login(LEADER, PASSWORD, "/leader.html");
        for (int width : WIDTHS) {
            browser.resize(width, 900);
            browser.open("/leader.html");
            browser.waitForAttribute("data-ready");
            settle();
            leaks.addAll(scan("leader.html", width));
        }

        browser.login(DEPT, PASSWORD, "/department.html");
        for (int width : WIDTHS) {
            browser.resize(width, 900);
            browser.open("/department.html");
            browser.waitForAttribute("data-ready");
            browser.waitForAttribute("data-tasks");
            settle();
            leaks.addAll(scan("department.html", width));
        }

        assertThat(leaks).as("Latin words or codes shown to users (page @ width: word in text)").isEmpty();
        // the scan read the pages with their data: the jobs by name and schedule, a run's failure, a unit's findings
        for (int width : WIDTHS) {
            assertThat(SEEN.get("office.html#jobs @" + width)).contains("抓取轮次", "每天 02:00", "每 30 分钟", "按需");
            assertThat(SEEN.get("office.html#jobs（运行失败项） @" + width)).contains(Messages.get("failure.probe"));
            assertThat(SEEN.get("office.html#unit/" + DEPT_UNIT + " @" + width)).contains("池州市质量技术监督局", "单项否决");
            assertThat(SEEN.get("leader.html @" + width)).contains("池州市");
            assertThat(SEEN.get("department.html @" + width)).contains("整改");
        }
    }

    /** The detector itself: the leaks the issue names are found, addresses, codes and known words are not. */
    @Test
    void detector_findsCodesAndEnglish_notAddressesFilesOrKnownWords() {
        assertThat(leaks("crawl-round 每 every PT30M")).containsExactly("crawl-round", "every");
        assertThat(leaks("SUCCEEDED · CONNECT_REFUSED · open_gov")).containsExactly("SUCCEEDED", "CONNECT_REFUSED",
                "open_gov");
        assertThat(leaks("33 sites: 32 up")).containsExactly("sites");
        assertThat(leaks("PORTAL 类网站必设栏目")).containsExactly("PORTAL");
        assertThat(leaks("网站：http://www.czzljd.gov.cn/index.html 状态 HTTP 200，导出 CSV（rankings.csv），IPv6/ICP"))
                .isEmpty();
        assertThat(leaks("www.czzljd.gov.cn 12 KB")).isEmpty();
        assertThat(leaks("scheduler.crawlWorkersPerNode = 4")).containsExactly("scheduler.crawlWorkersPerNode");
    }

    /** Waits until no fetch is in flight and none has settled for a moment (renders follow their data at once). */
    static void settle() {
        browser.waitFor().until(d -> Boolean.TRUE.equals(browser.js(
                "return document.readyState === 'complete' && window.__vtPending === 0"
                        + " && performance.now() - window.__vtSettled > 300;")));
    }

    /**
     * The leaks of what the page shows now. Each page's texts also go to target/visible-text (what was read, for
     * whoever wonders why something was or was not reported).
     */
    @SuppressWarnings("unchecked")
    static List<String> scan(String where, int width) {
        List<String> found = new ArrayList<>();
        List<String> texts = ((List<Object>) browser.js(COLLECT)).stream().map(String::valueOf).toList();
        SEEN.put(where + " @" + width, String.join("\n", texts));
        try {
            Files.createDirectories(TEXTS);
            Files.writeString(TEXTS.resolve(where.replaceAll("[^\\w.-]+", "_") + "-" + width + ".txt"),
                    String.join("\n", texts), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String s : texts) {
            for (String leak : leaks(s)) {
                found.add(where + " @" + width + ": " + leak + " in \"" + abbreviate(s) + "\"");
            }
        }
        return found;
    }

    /** The words of a text that no allow-list rule covers. */
    static List<String> leaks(String text) {
        List<String> leaks = new ArrayList<>();
        Matcher run = ASCII_RUN.matcher(text);
        while (run.find()) {
            String word = run.group().replaceAll("^[.:/?=&%#~+@-]+|[.:/?=&%#~+@-]+$", "");
            if (!LEAK.matcher(word).find() || allowed(word)) {
                continue;
            }
            leaks.add(word);
        }
        return leaks;
    }

    static boolean allowed(String word) {
        if (ADDRESS.matcher(word).matches() || FILE_NAME.matcher(word).matches() || NAMES.contains(word)) {
            return true;
        }
        // "IPv6/ICP", "Word/PDF": each part allowed on its own
        String[] parts = word.split("[/+]");
        if (parts.length > 1) {
            for (String p : parts) {
                if (!p.isEmpty() && LEAK.matcher(p).find() && !allowed(p)) {
                    return false;
                }
            }
            return true;
        }
        return ALLOWED_WORDS.contains(word);
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }

    static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }
}
