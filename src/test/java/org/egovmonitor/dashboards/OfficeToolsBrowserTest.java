package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The office's tools in a real Chromium, at the desk (1440 px) and on a phone (390 px): on 信息报送 an unmatched
 * source is assigned to a unit picked by name and its articles move to that unit; 网站可用性 shows each site's
 * availability, newest failure (in Chinese) and response time, sortable; 审计日志 filtered to the action just done
 * shows it, named; 单位详情 shows the unit's availability and re-crawls the unit now, with its progress while the
 * (held) site answers, a second click told that the round is running, and then the new crawl. Screenshots go to
 * target/screenshots.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfficeToolsBrowserTest {

    static final TestPostgres.TestDatabase DB = TestPostgres.newDatabase();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.crawlingLoopback(DB);

    static OfficeToolsFixture fixture;
    static Browser browser;
    static LocalDate today;
    static long siteId;

    @BeforeAll
    static void seedAndBrowser() {
        Browser.Installation installed = Browser.requireInstalled();
        today = LocalDate.now(APP.getConfiguration().zoneId());
        fixture = OfficeToolsFixture.start();
        Jdbi jdbi = DB.jdbi();
        fixture.seed(jdbi, today);
        siteId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM sites WHERE unit_code = ?")
                .bind(0, OfficeToolsFixture.SITE_UNIT).mapTo(Long.class).one());
        browser = new Browser(APP.getLocalPort(), installed);
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void atTheDesk_1440() throws Exception {
        browser.resize(1440, 900);
        officeTools("1440", OfficeToolsFixture.SOURCE, OfficeToolsFixture.SOURCE_ITEMS, OfficeToolsFixture.NKY,
                OfficeToolsFixture.NKY_NAME);
    }

    @Test
    void onAPhone_390() throws Exception {
        browser.resize(390, 844);
        officeTools("390", OfficeToolsFixture.SOURCE2, OfficeToolsFixture.SOURCE2_ITEMS,
                OfficeToolsFixture.OTHER_UNIT, OfficeToolsFixture.OTHER_UNIT_NAME);
    }

    private void officeTools(String width, String source, int items, String unit, String unitName) throws Exception {
        assignSource(width, source, items, unit, unitName);
        auditLogShowsTheAssignment(width, source);
        availabilityTable(width);
        recrawlFromUnitDetail(width);
    }

    /** Opens a tab afresh (a new page load, so its data is read again) and waits until it drew. */
    private static void openTab(String tab) {
        browser.open("/office.html?t=" + System.nanoTime() + "#" + tab);
        browser.waitForAttribute("data-ready-" + tab);
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static void assignSource(String width, String source, int items, String unit, String unitName) {
        openTab("contributions");
        String count = "#contributions-table .ct-count[data-unit='" + unit + "']";
        assertThat(text(count)).isEqualTo("0");
        WebElement row = browser.waitFor().until(d -> d.findElement(By.xpath(
                "//table[@id='unmapped-table']//tr[td/strong[text()='" + source + "']]")));
        assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo(Integer.toString(items));
        assertThat(row.isDisplayed()).isTrue();
        // a name that is no unit's is refused in words; the unit is picked by its name, never its code
        WebElement pick = row.findElement(By.cssSelector("input.ct-unit-pick"));
        pick.sendKeys("不存在的单位");
        row.findElement(By.cssSelector("button.ct-assign")).click();
        assertThat(text("#ct-message")).contains("请从列表中选择单位");
        pick.clear();
        pick.sendKeys(unitName);
        row.findElement(By.cssSelector("button.ct-assign")).click();
        browser.waitFor().until(d -> d.findElement(By.id("ct-message")).getText().startsWith(
                "已将来源“" + source + "”作为别名归入“" + unitName + "”"));
        browser.waitFor().until(d -> d.findElement(By.cssSelector(count)).getText().equals(Integer.toString(items)));
        assertThat(browser.driver().findElements(By.xpath("//table[@id='unmapped-table']//strong[text()='"
                + source + "']"))).isEmpty();
        browser.screenshot("office-contributions-" + width);
    }

    private static void auditLogShowsTheAssignment(String width, String source) {
        openTab("audit");
        new Select(browser.driver().findElement(By.id("au-action"))).selectByVisibleText("将信息来源归入单位");
        browser.driver().findElement(By.id("au-user")).sendKeys(TestApp.OFFICE_USER);
        browser.js("document.getElementById('au-from').value = arguments[0];"
                + " document.getElementById('au-to').value = arguments[0];", today.toString());
        browser.js("document.body.removeAttribute('data-ready-audit');");
        browser.driver().findElement(By.id("au-apply")).click();
        browser.waitForAttribute("data-ready-audit");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#audit-table tbody tr"));
        assertThat(rows).isNotEmpty();
        for (WebElement r : rows) {
            assertThat(r.findElement(By.cssSelector(".au-action")).getText()).isEqualTo("将信息来源归入单位");
        }
        // newest first: the assignment just made
        List<WebElement> first = rows.get(0).findElements(By.tagName("td"));
        assertThat(first.get(3).getText()).isEqualTo(source);
        assertThat(first.get(4).getText()).isEqualTo("成功");
        assertThat(first.get(1).getText()).startsWith(TestApp.OFFICE_USER);
        browser.screenshot("office-audit-" + width);
    }

    private static void availabilityTable(String width) {
        openTab("availability");
        WebElement row = siteRow();
        assertThat(row.getText()).contains("办公工具测试局网站", "80.0%", "连接被拒绝", "150 毫秒");
        assertThat(row.isDisplayed()).isTrue();
        // sortable: by availability ascending the probed site (80%) comes first, descending the never-probed one
        availabilityHeader().click();
        List<String> units = firstColumn();
        assertThat(units).containsExactlyInAnyOrder(OfficeToolsFixture.SITE_UNIT_NAME,
                OfficeToolsFixture.OTHER_UNIT_NAME);
        String order = availabilityHeader().getAttribute("aria-sort");
        assertThat(units.get(0)).isEqualTo(order.equals("ascending") ? OfficeToolsFixture.SITE_UNIT_NAME
                : OfficeToolsFixture.OTHER_UNIT_NAME);
        availabilityHeader().click();
        assertThat(availabilityHeader().getAttribute("aria-sort")).isNotEqualTo(order);
        assertThat(firstColumn()).containsExactly(units.get(1), units.get(0));
        browser.screenshot("office-availability-" + width);
    }

    private static WebElement availabilityHeader() {
        return browser.driver().findElement(By.xpath("//table[@id='availability-table']//th[text()='可用率']"));
    }

    private static WebElement siteRow() {
        return browser.waitFor().until(d -> d.findElement(By.xpath(
                "//table[@id='availability-table']//tr[td//a[text()='" + OfficeToolsFixture.SITE_UNIT_NAME + "']]")));
    }

    private static List<String> firstColumn() {
        return browser.driver().findElements(By.cssSelector("#availability-table tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    private static void recrawlFromUnitDetail(String width) throws InterruptedException {
        browser.open("/office.html?t=" + System.nanoTime() + "#unit/" + OfficeToolsFixture.SITE_UNIT);
        WebElement availability = browser.waitFor().until(d -> d.findElement(By.cssSelector(
                "#unit-availability table.unit-availability")));
        assertThat(availability.getText()).contains("80.0%", "连接被拒绝", "150 毫秒");
        WebElement button = browser.waitFor().until(d -> {
            WebElement b = d.findElement(By.id("unit-recrawl"));
            return b.isDisplayed() ? b : null;
        });
        // the browser's clock, formatted as the page formats the crawl time
        String clickedAt = (String) browser.js("return Egov.date(new Date(Date.now() - 60000).toISOString());");
        CountDownLatch arrived = fixture.holdRequests();
        try {
            button.click();
            assertThat(arrived.await(20, TimeUnit.SECONDS)).as("the site was requested").isTrue();
            browser.waitFor().until(d -> d.findElement(By.id("unit-recrawl-status")).getText()
                    .startsWith("正在重新采集：已完成 0/1 个站点"));
            assertThat(browser.driver().findElement(By.id("unit-recrawl-progress")).isDisplayed()).isTrue();
            if (width.equals("390")) {
                // on a phone the unit's sites and the button are below the chart, nothing scrolls sideways
                assertThat(browser.horizontalOverflow()).as("page wider than the phone").isZero();
            }
            browser.screenshot("office-recrawl-running-" + width);
            // a second click while it runs: told so, and no second round
            button.click();
            browser.waitFor().until(d -> d.findElement(By.id("unit-recrawl-status")).getText()
                    .contains("该单位的重新采集正在进行"));
        } finally {
            fixture.release();
        }
        browser.waitFor().until(d -> d.findElement(By.id("unit-recrawl-status")).getText().startsWith("重新采集完成"));
        WebElement heading = browser.waitFor().until(d -> d.findElement(By.cssSelector("#crawl-" + siteId + " h3")));
        String crawled = heading.getText().replaceAll("^.*（(.*)）$", "$1");
        assertThat(heading.getText()).startsWith("最近抓取：办公工具测试局网站（");
        assertThat(crawled).as("the new crawl's time").isGreaterThanOrEqualTo(clickedAt);
        browser.screenshot("office-recrawl-done-" + width);
    }
}
