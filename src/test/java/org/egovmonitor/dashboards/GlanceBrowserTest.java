package org.egovmonitor.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.dashboards.AsOffice.office;

/**
 * Reading the dashboards at a glance (issue 16), in the real Chromium at a desk's 1440 px and a phone's 390 px, on
 * the demo registry scored on two days: the 预警 tab paged, sorted, filtered, with what is new since the previous
 * snapshot marked 新; the vetoed indicator marked on the scorecard; the leader's lists naming the veto and showing
 * each unit of a small group once; ring labels, a year axis with the phases, LAN/OA without 未上报; grades on one
 * line; a unit added today 未评定; the unit tab opened without a unit; favicon and the month-ago ranking without 404.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GlanceBrowserTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final String PASSWORD = "glance-password";
    static final String LEADER = "gl-leader";
    static final String NEW_UNIT = "gl-new-unit";
    static final String NEW_UNIT_NAME = "今日新设局";

    static Http http;
    static Browser browser;
    static LocalDate today;
    /** The smallest peer group (a handful of units), every unit of it measured; one of them vetoed. */
    static String smallGroup;
    static String vetoedUnit;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(office(http.post("/api/users")).json("""
                {"username":"%s","role":"LEADER","password":"%s"}""".formatted(LEADER, PASSWORD)).send()
                .statusCode()).isEqualTo(201);
        snapshot(today.minusDays(1));
        measureSmallGroup();
        assertThat(office(http.post("/api/units")).json("""
                {"code":"%s","name":"%s","kind":"DEPARTMENT"}""".formatted(NEW_UNIT, NEW_UNIT_NAME)).send()
                .statusCode()).isEqualTo(201);
        snapshot(today);
        browser = new Browser(APP.getLocalPort(), installed);
    }

    static void snapshot(LocalDate day) {
        HttpResponse<String> r = office(http.post("/api/scoring/snapshot?date=" + day)).json("{}").send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /**
     * Measurements of today for every monitored site of the smallest peer group, so that its units are rated; the
     * first unit's homepage is two months old (a veto). Yesterday had no measurement: its findings are new today.
     */
    static void measureSmallGroup() {
        Map<String, List<String>> byGroup = new HashMap<>();
        for (JsonNode u : Http.json(office(http.get("/api/units")).send())) {
            byGroup.computeIfAbsent(u.path("peerGroup").asText(), k -> new ArrayList<>()).add(u.path("code").asText());
        }
        smallGroup = byGroup.entrySet().stream().filter(e -> e.getValue().size() >= 3)
                .min(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow().getKey();
        assertThat(byGroup.get(smallGroup)).hasSizeLessThanOrEqualTo(20);
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(APP.getConfiguration().getDatabase().getUrl(),
                APP.getConfiguration().getDatabase().getUser(), ""));
        ObservationStore store = new ObservationStore(jdbi);
        for (String code : byGroup.get(smallGroup)) {
            for (JsonNode site : Http.json(office(http.get("/api/units/" + code)).send()).path("sites")) {
                if (!site.path("monitored").asBoolean()) {
                    continue;
                }
                boolean stale = vetoedUnit == null;
                if (stale) {
                    vetoedUnit = code;
                }
                store.save("glance:" + site.path("id").asLong(), site.path("id").asLong(),
                        measurement(site.path("url").asText(), stale ? today.minusDays(60) : today), Instant.now());
            }
        }
        assertThat(vetoedUnit).as("a monitored site in " + smallGroup).isNotNull();
    }

    static SiteMeasurement measurement(String url, LocalDate homepageNewest) {
        List<SiteMeasurement.Section> sections = List.of(
                ScoringFixtures.section("news", today, 20, 10, false),
                ScoringFixtures.section("notices", today.minusDays(10), 20, 3, false),
                ScoringFixtures.section("policy", today.minusDays(20), 20, 2, false),
                ScoringFixtures.section("open_gov", null, 5, 0, false),
                ScoringFixtures.section("service_guide", null, 8, 0, false),
                ScoringFixtures.section("mailbox", null, 1, 0, false),
                ScoringFixtures.section("org_info", null, 3, 0, false));
        return new SiteMeasurement(url, url, "DEPARTMENT", true, 200, 120, "UTF-8", null,
                new SiteMeasurement.Homepage(homepageNewest, 12, false, List.of()), sections, List.of(), List.of(),
                30, List.of(), "hash-" + url, today);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static void width(int w) {
        browser.resize(w, 900);
    }

    static String loggedIn;

    /** Logs in through the form unless this user is the one logged in; either way the landing page loads anew. */
    static void as(String user, String password, String landing) {
        if (user.equals(loggedIn)) {
            // A fresh document: a hash change alone would keep the last test's page and its ready marks.
            browser.driver().get("about:blank");
            browser.open(landing);
        } else {
            browser.login(user, password, landing);
            loggedIn = user;
        }
    }

    List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Resources the page loaded with an error status (Chromium reports each response's status). */
    @SuppressWarnings("unchecked")
    List<String> failedRequests() {
        return (List<String>) browser.js("""
                return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
                    .filter(function (e) { return e.responseStatus >= 400; })
                    .map(function (e) { return e.responseStatus + ' ' + e.name; });""");
    }

    @Nested
    class Api {

        @Test
        void rankingsBefore_aDayWithoutSnapshotIsData() {
            HttpResponse<String> none = office(http.get("/api/rankings?limit=0&before=2001-01-01")).send();
            assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
            assertThat(Http.json(none).path("day").isNull()).isTrue();
            assertThat(Http.json(none).path("rows")).isEmpty();
            // The nearest snapshot on or before the day asked for, named in the answer.
            JsonNode later = Http.json(office(http.get("/api/rankings?limit=0&before=" + today.plusDays(5))).send());
            assertThat(later.path("day").asText()).isEqualTo(today.toString());
            JsonNode exact = Http.json(office(http.get("/api/rankings?limit=0&before=" + today.minusDays(1))).send());
            assertThat(exact.path("day").asText()).isEqualTo(today.minusDays(1).toString());
            assertThat(office(http.get("/api/rankings?date=" + today + "&before=" + today)).send().statusCode())
                    .isEqualTo(422);
            assertThat(office(http.get("/api/rankings?date=2001-01-01")).send().statusCode()).isEqualTo(404);
        }

        @Test
        void warnings_markWhatThePreviousSnapshotLacked() {
            JsonNode rows = Http.json(office(http.get("/api/warnings?includeVetoes=true")).send());
            assertThat(rows).isNotEmpty();
            boolean vetoNew = false;
            int fresh = 0;
            for (JsonNode r : rows) {
                assertThat(r.path("previousDay").asText()).isEqualTo(today.minusDays(1).toString());
                if (r.path("isNew").asBoolean()) {
                    fresh++;
                    vetoNew |= r.path("unitCode").asText().equals(vetoedUnit)
                            && r.path("finding").path("kind").asText().equals("VETO");
                }
            }
            assertThat(vetoNew).as("the stale homepage's veto appeared today").isTrue();
            assertThat(fresh).isLessThan(rows.size());
            // Yesterday compared with nothing: nothing is new.
            for (JsonNode r : Http.json(office(http.get("/api/warnings?includeVetoes=true&date="
                    + today.minusDays(1))).send())) {
                assertThat(r.path("isNew").asBoolean()).isFalse();
                assertThat(r.path("previousDay").isNull()).isTrue();
            }
        }

        @Test
        void unitAddedToday_notRated_csvWithoutTotal() {
            JsonNode rows = Http.json(office(http.get("/api/rankings?q=" + NEW_UNIT)).send()).path("rows");
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.path("grade").asText()).isEqualTo("NOT_RATED");
                assertThat(r.path("gradeLabel").asText()).isEqualTo("未评定");
                assertThat(r.path("rank").isNull()).isTrue();
            });
            String csv = office(http.get("/api/rankings.csv?q=" + NEW_UNIT)).send().body();
            assertThat(csv).contains(NEW_UNIT_NAME + ",,未评定").doesNotContain("不合格");
        }

        @Test
        void favicon_servedAsIcon() {
            HttpResponse<String> r = http.get("/favicon.ico").send();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("image/x-icon"));
            assertThat(http.get("/favicon.svg").send().statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Office {

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {1440, 390})
        void warnings_pagedSortedFiltered_newMarked(int w) {
            width(w);
            as(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.open("/office.html#warnings");
            browser.waitForAttribute("data-ready-warnings");
            int total = Http.json(office(http.get("/api/warnings?includeVetoes=true")).send()).size();
            assertThat(browser.driver().findElements(By.cssSelector("#warnings-table tbody tr")))
                    .hasSizeBetween(1, 50);
            assertThat(browser.driver().findElement(By.cssSelector("#wn-table .page-info")).getText())
                    .contains("共 " + total + " 条");
            assertThat(browser.driver().findElement(By.id("wn-new-count")).getText())
                    .matches("较上一期（" + today.minusDays(1) + "）新增 [1-9]\\d* 条");
            // Sorted by 新增 first by default: the first row is new.
            assertThat(texts("#warnings-table tbody tr:first-child .new-mark")).containsExactly("新");

            new Select(browser.driver().findElement(By.id("wn-kind"))).selectByValue("VETO");
            assertThat(texts("#warnings-table tbody tr td:nth-child(3)")).isNotEmpty().allMatch("单项否决"::equals);
            new Select(browser.driver().findElement(By.id("wn-kind"))).selectByValue("");

            Select indicator = new Select(browser.driver().findElement(By.id("wn-indicator")));
            String chosen = indicator.getOptions().get(1).getText();
            indicator.selectByIndex(1);
            assertThat(texts("#warnings-table tbody tr td:nth-child(4)")).isNotEmpty().allMatch(chosen::equals);
            indicator.selectByIndex(0);

            browser.driver().findElement(By.id("wn-new-only")).click();
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#warnings-table tbody tr"));
            assertThat(rows).isNotEmpty().allSatisfy(tr -> assertThat(tr.findElements(By.cssSelector(".new-mark")))
                    .hasSize(1));
            browser.driver().findElement(By.id("wn-new-only")).click();

            browser.driver().findElement(By.xpath("//table[@id='warnings-table']//th[text()='单位']")).click();
            browser.waitFor().until(d -> d.findElement(By.cssSelector("#warnings-table th.sorted-asc")));
            List<String> units = texts("#warnings-table tbody tr td:nth-child(1) a");
            assertThat(units).hasSizeGreaterThan(1).isSorted();
            browser.screenshot("glance-warnings-" + w);
        }

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {1440, 390})
        void scorecard_marksTheVetoedIndicatorWithItsReason(int w) {
            width(w);
            as(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.open("/office.html#unit/" + vetoedUnit);
            WebElement row = browser.waitFor().until(d -> d.findElement(By.cssSelector("#indicator-table tr.vetoed")));
            assertThat(row.findElement(By.cssSelector(".veto-badge")).getText()).isEqualTo("单项否决");
            assertThat(row.findElement(By.cssSelector(".veto-reason")).getText()).isNotBlank();
            String indicatorName = row.findElement(By.cssSelector("td:first-child span")).getText();
            assertThat(browser.driver().findElement(By.id("veto-summary")).getText()).contains(indicatorName);
        }

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {1440, 390})
        void unitTabOpenedDirectly_onlyThePicker(int w) {
            width(w);
            as(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.open("/office.html#unit");
            browser.waitFor().until(d -> d.findElement(By.id("unit-prompt")).isDisplayed());
            assertThat(browser.driver().findElements(By.cssSelector("#tab-unit a[href='#']"))).isEmpty();
            for (String id : List.of("unit-csv", "unit-dept")) {
                WebElement a = browser.driver().findElement(By.id(id));
                assertThat(a.getAttribute("href")).isNull();
                assertThat(a.getAttribute("aria-disabled")).isEqualTo("true");
            }
            assertThat(browser.driver().findElement(By.id("unit-history")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("unit-findings")).isDisplayed()).isFalse();
            // Opening a unit from there brings the panels and live links.
            browser.driver().findElement(By.id("unit-code")).sendKeys(vetoedUnit);
            browser.driver().findElement(By.id("unit-open")).click();
            browser.waitFor().until(d -> d.findElement(By.id("indicator-table")));
            assertThat(browser.driver().findElement(By.id("unit-csv")).getAttribute("href"))
                    .endsWith("/api/units/" + vetoedUnit + "/findings.csv");
            assertThat(browser.driver().findElement(By.id("unit-findings")).isDisplayed()).isTrue();
        }

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {1440, 390})
        void unitAddedToday_isNotRated_everywhere_gradesOnOneLine(int w) {
            width(w);
            as(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
            browser.waitForAttribute("data-ready-ranking");
            browser.driver().findElement(By.id("rk-search")).sendKeys(NEW_UNIT_NAME);
            browser.waitFor().until(d -> d.findElements(By.cssSelector("#ranking-table tbody tr")).size() == 1
                    && d.findElement(By.cssSelector("#ranking-table tbody tr")).getText().contains(NEW_UNIT_NAME));
            WebElement row = browser.driver().findElement(By.cssSelector("#ranking-table tbody tr"));
            assertThat(row.findElement(By.cssSelector(".grade")).getText()).isEqualTo("未评定");
            assertThat(row.findElement(By.cssSelector("td:nth-child(4)")).getText()).isEqualTo("—");
            assertThat(row.getText()).doesNotContain("不合格");
            // no cell claims a score of zero (the bottleneck's shortfall, e.g. 70.0, may end in "0.0")
            assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText).doesNotContain("0.0", "0");

            browser.open("/department.html?unit=" + NEW_UNIT);
            browser.waitFor().until(d -> d.findElement(By.id("score-total")));
            assertThat(browser.driver().findElement(By.id("score-total")).getText()).isEqualTo("—");
            assertThat(browser.driver().findElement(By.cssSelector("#scorecard .grade")).getText())
                    .isEqualTo("未评定");

            browser.open("/office.html#ranking");
            browser.waitForAttribute("data-ready-ranking");
            assertOneLineBadges();
        }
    }

    /** Every grade badge on the page is one line high: as high as the shortest one, which holds one line. */
    void assertOneLineBadges() {
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) browser.js("""
                return Array.prototype.map.call(document.querySelectorAll('.grade'), function (b) {
                    return b.getBoundingClientRect().height; });""");
        assertThat(heights).isNotEmpty();
        double min = heights.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
        assertThat(heights).allSatisfy(h -> assertThat(h.doubleValue()).isLessThan(min * 1.5));
    }

    @Nested
    class Leader {

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {1440, 390})
        void leader_listsChartsAndNoFailedRequests(int w) {
            width(w);
            as(LEADER, PASSWORD, "/leader.html");
            browser.waitForAttribute("data-ready");
            assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-ready")).isEqualTo("true");

            // A small group: each unit once, top half and bottom half.
            WebElement group = browser.driver().findElement(By.cssSelector(".top-bottom-group[data-group='"
                    + smallGroup + "']"));
            List<WebElement> lists = group.findElements(By.cssSelector(".rank-list"));
            assertThat(lists).hasSize(2);
            Set<String> top = new HashSet<>(lists.get(0).findElements(By.cssSelector("tbody td:nth-child(2)"))
                    .stream().map(WebElement::getText).toList());
            List<String> bottom = lists.get(1).findElements(By.cssSelector("tbody td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList();
            assertThat(top).isNotEmpty();
            assertThat(bottom).isNotEmpty().noneMatch(top::contains);
            // The vetoed unit says why it fails, by indicator.
            String vetoedName = Http.json(office(http.get("/api/units/" + vetoedUnit)).send()).path("unit")
                    .path("name").asText();
            WebElement vetoedRow = group.findElements(By.cssSelector("tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(vetoedName)).findFirst().orElseThrow();
            assertThat(vetoedRow.findElement(By.cssSelector(".veto-reason")).getText()).startsWith("单项否决：")
                    .hasSizeGreaterThan("单项否决：".length());
            // The unit added today is not rated: in neither list.
            assertThat(browser.driver().findElement(By.id("top-bottom")).getText()).doesNotContain(NEW_UNIT_NAME);

            // Each ring of the doughnut is named on the chart.
            @SuppressWarnings("unchecked")
            Map<String, Object> rings = (Map<String, Object>) browser.js("""
                    var c = Chart.getChart('chart-network-group');
                    return {drawn: c.ringLabelsDrawn || [], datasets: c.data.datasets.map(function (d) { return d.label; })};""");
            assertThat((List<?>) rings.get("drawn")).isNotEmpty().isEqualTo(rings.get("datasets"));

            // The history's axis starts shortly before the first change, and the phases are marked.
            JsonNode events = Http.json(office(http.get("/api/coverage/history")).send()).path("events");
            int firstYear = 9999;
            for (JsonNode e : events) {
                firstYear = Math.min(firstYear, Integer.parseInt(e.path("date").asText().substring(0, 4)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> history = (Map<String, Object>) browser.js("""
                    var c = Chart.getChart('chart-coverage-history');
                    return {min: c.scales.x.min, max: c.scales.x.max,
                        marks: c.config.options.plugins.phases.marks.map(function (m) { return m.label; })};""");
            assertThat(((Number) history.get("min")).doubleValue()).isGreaterThanOrEqualTo(firstYear - 1);
            assertThat(((Number) history.get("max")).doubleValue()).isLessThanOrEqualTo(today.getYear() + 1);
            assertThat((List<?>) history.get("marks")).isNotEmpty().anySatisfy(m -> assertThat((String) m)
                    .startsWith("一期"));

            // LAN/OA: the reporting units' answers; 未上报 a figure of its own.
            @SuppressWarnings("unchecked")
            Map<String, Object> lan = (Map<String, Object>) browser.js("""
                    var c = Chart.getChart('chart-lan');
                    return {labels: c.data.labels, subtitle: c.config.options.plugins.subtitle.text};""");
            assertThat((List<Object>) lan.get("labels")).doesNotContain("未上报");
            assertThat((String) lan.get("subtitle")).contains("未上报");

            assertOneLineBadges();
            // Nothing the page asked for failed, the month-ago ranking included (it is asked for after the lists).
            browser.waitFor().until(d -> Boolean.TRUE.equals(browser.js("""
                    return performance.getEntriesByType('resource').some(function (e) {
                        return e.name.indexOf('before=') >= 0 && e.responseStatus > 0; });""")));
            assertThat(failedRequests()).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("link[rel=icon][href='/favicon.ico']")))
                    .hasSize(1);
            browser.js("document.getElementById('top-bottom').scrollIntoView();");
            browser.screenshot("glance-leader-lists-" + w);
        }
    }
}
