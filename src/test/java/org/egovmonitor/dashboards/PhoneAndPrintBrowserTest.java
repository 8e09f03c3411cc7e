package org.egovmonitor.dashboards;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.dashboards.AsOffice.office;
import static org.egovmonitor.dashboards.AsOffice.created;

/**
 * The dashboards on a phone and on paper, in the real Chromium against the real app on the demo registry: the
 * leader's and the department's pages at 360 and 390 px never scroll sideways, keep unit names readable, fit their
 * charts and keep their forms usable; every office tab opens at 390 px without sideways scrolling; printed (Chromium's
 * own PDF, read back with PDFBox), the office ranking names its peer group and scoring day on every page and starts
 * on page 1, and the leader's charts are on the paper, inside its margins.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PhoneAndPrintBrowserTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final String PASSWORD = "phone-password";
    static final String LEADER = "ph-leader";
    static final String DEPT = "ph-jw";
    static final String DEPT_UNIT = "czs-jw";
    static final int[] PHONES = {360, 390};
    /** The office's tabs and the body attribute each stamps once its data is drawn (tabs not listed just open). */
    static final Map<String, String> OFFICE_READY = Map.of("ranking", "data-ready-ranking",
            "matrix", "data-ready-matrix", "jobs", "data-ready-jobs",
            "warnings", "data-ready-warnings", "tasks", "data-ready-tasks", "reviews", "data-ready-reviews",
            "registry", "data-ready-registry", "whatif", "data-ready-whatif", "alerts", "data-ready-alerts");

    /**
     * What a phone user cannot read or reach, as a list of problems (empty when all is well): cells, headings and
     * labels showing fewer than three characters a line (a name one character per line), unit names in the ranking
     * lists fewer than five, canvases outside the screen or narrower than half of it, a top bar wider than the screen
     * or a logout link off it.
     */
    static final String PHONE_PROBLEMS = """
            var W = window.innerWidth, problems = [];
            function visible(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
            function lines(e) {
                var tops = {}, walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), n;
                while ((n = walker.nextNode())) {
                    if (!n.textContent.trim()) { continue; }
                    var range = document.createRange();
                    range.selectNodeContents(n);
                    Array.prototype.forEach.call(range.getClientRects(), function (r) {
                        if (r.width > 0) { tops[Math.round(r.top)] = true; }
                    });
                }
                return Object.keys(tops).length;
            }
            function perLine(selector, least) {
                document.querySelectorAll(selector).forEach(function (e) {
                    var text = e.textContent.replace(/\\s+/g, '');
                    if (!visible(e) || text.length < least + 1) { return; }
                    var n = lines(e);
                    if (n > Math.ceil(text.length / least)) {
                        problems.push(text + ' 占 ' + n + ' 行（' + Math.round(e.getBoundingClientRect().width) + ' px）');
                    }
                });
            }
            perLine('td, th, h1, h2, h3, label, .kpi div, .brand span, .who span', 3);
            perLine('#top-bottom td:nth-child(2), #ranking td:nth-child(2)', 5);
            document.querySelectorAll('canvas').forEach(function (c) {
                var r = c.getBoundingClientRect();
                if (!visible(c)) { return; }
                if (r.left < 0 || r.right > W + 0.5 || r.width < W / 2) {
                    problems.push('图表 ' + c.id + ' 在 ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px');
                }
            });
            var bar = document.getElementById('topbar'), logout = document.getElementById('logout');
            if (bar.scrollWidth > bar.clientWidth) { problems.push('顶栏宽 ' + bar.scrollWidth + ' px'); }
            if (!logout || logout.getBoundingClientRect().right > W) { problems.push('退出登录不在屏幕内'); }
            return problems;
            """;

    static Http http;
    static Browser browser;
    static LocalDate today;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        created(office(http.post("/api/users")).json("""
                {"username":"%s","role":"LEADER","password":"%s"}""".formatted(LEADER, PASSWORD)).send());
        created(office(http.post("/api/users")).json("""
                {"username":"%s","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                .formatted(DEPT, DEPT_UNIT, PASSWORD)).send());
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> r = office(http.post("/api/scoring/snapshot?date=" + today)).json("{}").send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        browser = new Browser(APP.getLocalPort(), installed);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> phoneProblems() {
        return (List<String>) browser.js(PHONE_PROBLEMS);
    }

    void waitReady() {
        browser.waitFor().until(d -> "true".equals(browser.js("return document.body.getAttribute('data-ready');")));
    }

    @Test
    void leader_atPhoneWidths_noSidewaysScroll_namesReadable_chartsFit() {
        browser.resize(390, 800);
        browser.login(LEADER, PASSWORD, "/leader.html");
        for (int width : PHONES) {
            browser.resize(width, 800);
            browser.open("/leader.html");
            waitReady();
            assertThat(browser.driver().findElements(By.cssSelector("#top-bottom table tbody tr")))
                    .hasSizeGreaterThan(10);
            assertThat(browser.horizontalOverflow()).as("leader at %d px", width).isZero();
            assertThat(phoneProblems()).as("leader at %d px", width).isEmpty();
            for (String canvas : List.of("chart-network-group", "chart-network-county", "chart-coverage-history",
                    "chart-lan")) {
                assertThat(browser.paintedPixels(canvas)).as(canvas + " at %d px", width).isPositive();
            }
            browser.screenshot("phone-leader-" + width);
        }
    }

    @Test
    void department_atPhoneWidths_noSidewaysScroll_namesReadable_selfReportFormWorks() {
        browser.resize(390, 800);
        browser.login(DEPT, PASSWORD, "/department.html");
        for (int width : PHONES) {
            browser.resize(width, 800);
            browser.open("/department.html");
            waitReady();
            browser.waitForAttribute("data-site-columns");
            browser.waitForAttribute("data-tasks");
            browser.waitFor().until(d -> !d.findElements(By.cssSelector("#ranking table tbody tr")).isEmpty()
                    && !d.findElements(By.id("self-report-table")).isEmpty());
            assertThat(browser.horizontalOverflow()).as("department at %d px", width).isZero();
            assertThat(phoneProblems()).as("department at %d px", width).isEmpty();
            assertThat(browser.paintedPixels("history-chart")).isPositive();
            // The form's fields are stacked under their labels, each as wide as most of the screen.
            @SuppressWarnings("unchecked")
            List<String> narrow = (List<String>) browser.js("""
                    var W = window.innerWidth;
                    return Array.prototype.filter.call(document.querySelectorAll(
                        '#self-report-form input:not([type=checkbox]), #self-report-form textarea,'
                        + ' #liaison-form input'), function (e) {
                            var r = e.getBoundingClientRect();
                            return r.left < 0 || r.right > W || r.width < W * 0.6;
                        }).map(function (e) { return e.id; });""");
            assertThat(narrow).as("form fields at %d px", width).isEmpty();
            browser.screenshot("phone-department-" + width);
        }
        // At 360 px the self-report is filled in and sent like on a desk.
        browser.driver().findElement(By.id("sr-staff")).sendKeys("32");
        browser.driver().findElement(By.id("sr-computers")).sendKeys("30");
        browser.driver().findElement(By.id("sr-networked")).sendKeys("28");
        browser.driver().findElement(By.id("sr-lan")).click();
        browser.js("document.getElementById('sr-submit').scrollIntoView({block: 'center'});");
        browser.driver().findElement(By.id("sr-submit")).click();
        browser.waitFor().until(d -> d.findElement(By.id("sr-message")).getText().contains("已提交"));
        assertThat(browser.horizontalOverflow()).isZero();
    }

    @Test
    void office_at390_everyTabOpens_withoutSidewaysScroll() {
        browser.resize(390, 800);
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.waitForAttribute("data-ready-ranking");
        @SuppressWarnings("unchecked")
        List<String> tabs = (List<String>) browser.js("return Array.prototype.map.call("
                + "document.querySelectorAll('.tabs a[data-tab]'), function (a) { return a.getAttribute('data-tab'); });");
        assertThat(tabs).contains("ranking", "matrix", "unit", "registry");
        List<String> opened = new ArrayList<>();
        for (String tab : tabs) {
            browser.js("location.hash = arguments[0];", tab.equals("unit") ? "unit/" + DEPT_UNIT : tab);
            browser.waitFor().until(d -> d.findElement(By.id("tab-" + tab)).isDisplayed());
            if (OFFICE_READY.containsKey(tab)) {
                browser.waitForAttribute(OFFICE_READY.get(tab));
            } else if (tab.equals("unit")) {
                // The unit has no site in the test registry: its scorecard is what gets drawn.
                browser.waitFor().until(d -> !d.findElements(By.id("unit-name")).isEmpty());
            }
            assertThat(browser.horizontalOverflow()).as("office tab %s at 390 px", tab).isZero();
            opened.add(tab);
        }
        assertThat(opened).hasSameSizeAs(tabs);
        browser.js("location.hash = 'ranking';");
        browser.waitFor().until(d -> d.findElement(By.id("tab-ranking")).isDisplayed());
        assertThat(phoneProblems()).isEmpty();
        browser.screenshot("phone-office-390");
    }

    @Test
    void officeRanking_printed_namesPeerGroupAndScoringDayOnEveryPage_startsOnPageOne() throws IOException {
        browser.resize(1440, 900);
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.waitForAttribute("data-ready-ranking");
        String firstUnit = browser.driver().findElement(By.cssSelector("#ranking-table tbody tr a.unit-link"))
                .getText();
        String group = "同类组：" + PeerGroup.DEPARTMENTS.label();
        String day = "评分日 " + today;
        try (PDDocument pdf = Loader.loadPDF(browser.printToPdf())) {
            assertThat(pdf.getNumberOfPages()).as("a 50-row page of the ranking").isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                assertThat(text(pdf, page)).as("page %d", page).contains(group).contains(day);
            }
            // Page 1 holds the ranking's start, not just the page's header; the tabs and the toolbar stay off paper.
            assertThat(text(pdf, 1)).contains("同类单位排名").contains(firstUnit).doesNotContain("瓶颈矩阵")
                    .doesNotContain("导出 CSV");
        }
    }

    @Test
    void leaderPage_printed_chartsOnPaperInsideTheMargins() throws IOException {
        browser.resize(1440, 900);
        browser.login(LEADER, PASSWORD, "/leader.html");
        waitReady();
        // Print media: each chart keeps a real box (the print style stretches the canvas to it).
        browser.emulatePrint(true);
        try {
            @SuppressWarnings("unchecked")
            List<String> empty = (List<String>) browser.js("""
                    return Array.prototype.filter.call(document.querySelectorAll('.chart-box canvas'), function (c) {
                        var r = c.getBoundingClientRect(), box = c.parentNode.getBoundingClientRect();
                        return r.width < 100 || r.height < 100 || r.right > box.right + 0.5;
                    }).map(function (c) { return c.id; });""");
            assertThat(empty).isEmpty();
        } finally {
            browser.emulatePrint(false);
        }
        // Words only the charts draw (legends, axis titles, categories that the page's text does not hold).
        @SuppressWarnings("unchecked")
        List<String> chartWords = (List<String>) browser.js("""
                var page = document.body.innerText, words = {};
                Object.keys(Chart.instances).forEach(function (id) {
                    var c = Chart.instances[id];
                    c.data.datasets.forEach(function (d) { words[d.label] = true; });
                    Object.keys(c.scales).forEach(function (k) {
                        var t = c.scales[k].options.title;
                        if (t && t.display) { words[t.text] = true; }
                    });
                });
                return Object.keys(words).filter(function (w) {
                    return w && w.length >= 2 && page.indexOf(w) < 0;
                });""");
        assertThat(chartWords).hasSizeGreaterThanOrEqualTo(3);
        try (PDDocument pdf = Loader.loadPDF(browser.printToPdf())) {
            assertThat(text(pdf, 1)).contains("政务网覆盖");
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                all.append(text(pdf, page).replaceAll("\\s+", ""));
                // No text in the right margin (12 mm = 34 pt): no chart (their labels are text in the PDF) or card
                // wider than the paper.
                assertThat(rightmostText(pdf, page)).as("page %d", page)
                        .isLessThan(pdf.getPage(page - 1).getMediaBox().getWidth() - 30);
            }
            assertThat(chartWords).allSatisfy(w -> assertThat(all.toString()).contains(w));
        }
    }

    @Test
    void departmentPage_printed_withoutFormsAndButtons() throws IOException {
        browser.resize(390, 800);
        browser.login(DEPT, PASSWORD, "/department.html");
        waitReady();
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("#ranking table tbody tr")).isEmpty());
        String unitName = browser.driver().findElement(By.id("unit-name")).getText();
        try (PDDocument pdf = Loader.loadPDF(browser.printToPdf())) {
            assertThat(text(pdf, 1)).contains(unitName).contains("得分走势");
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                all.append(text(pdf, page));
                assertThat(rightmostText(pdf, page)).as("page %d", page)
                        .isLessThan(pdf.getPage(page - 1).getMediaBox().getWidth() - 30);
            }
            assertThat(all.toString()).contains("同类单位排名").doesNotContain("提交自报").doesNotContain("提交申请")
                    .doesNotContain("导出失分明细").doesNotContain("退出登录");
        }
    }

    static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /** Where the rightmost glyph of a page ends, in points from the left edge. */
    static float rightmostText(PDDocument pdf, int page) throws IOException {
        float[] right = {0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                for (TextPosition p : positions) {
                    // A rotated label (an axis title) is measured by where it starts.
                    right[0] = Math.max(right[0], p.getX() + (p.getDir() == 0 ? p.getWidth() : 0));
                }
                super.writeString(text, positions);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return right[0];
    }
}
