package org.egovmonitor.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.LocalDate;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.dashboards.Browser;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The 整改 loop in a real Chromium: the office issues a task from the veto on the 预警 tab and sees it on the 整改任务
 * tab; the department replies and asks for a re-check on its page; the homepage is fixed in between, and the page
 * shows the task 已销号 with its timeline. Screenshots go to target/screenshots.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RectificationBrowserTest {

    static final TestPostgres.TestDatabase DB = TestPostgres.newDatabase();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.crawlingLoopback(DB);
    static final String UNIT = "rb-unit";
    static final String DEPT = "rb-dept";
    static final String PASSWORD = "browser-rectification";

    static UnitHomepages sites;
    static Browser browser;
    static LocalDate today;

    @BeforeAll
    static void unitSiteAndFirstRound() throws Exception {
        Browser.Installation installed = Browser.requireInstalled();
        today = LocalDate.now(APP.getConfiguration().zoneId());
        sites = UnitHomepages.start();
        Jdbi jdbi = DB.jdbi();
        sites.register(jdbi, UNIT, today.minusDays(60));
        Http http = new Http(APP.getLocalPort());
        assertThat(http.post("/api/users").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD).json("""
                {"username":"%s","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                .formatted(DEPT, UNIT, PASSWORD)).send().statusCode()).isEqualTo(201);
        assertThat(http.post("/api/jobs/crawl-round/trigger").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                .json("").send().statusCode()).isEqualTo(202);
        Await.until("the first round's snapshot", Duration.ofSeconds(90), () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM unit_scores WHERE unit_code = ? AND vetoed").bind(0, UNIT).mapTo(Long.class)
                .one()) == 1);
        browser = new Browser(APP.getLocalPort(), installed);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
        if (sites != null) {
            sites.close();
        }
    }

    @Test
    void officeIssuesFromVeto_departmentRepliesAndRechecksFixedSite_taskClosedOnItsPage() {
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.open("/office.html#warnings");
        browser.waitForAttribute("data-ready-warnings");
        WebElement vetoRow = browser.waitFor().until(d -> d.findElement(By.xpath(
                "//table[@id='warnings-table']//tr[td/span[text()='单项否决'] and td[contains(., '首页更新')]]")));
        vetoRow.findElement(By.cssSelector("button.issue-task")).click();
        assertThat(browser.waitFor().until(d -> d.findElement(By.cssSelector("#warnings-table .issued-note")))
                .getText()).startsWith("已下发 1 项");

        browser.open("/office.html#tasks");
        browser.waitForAttribute("data-ready-tasks");
        WebElement task = browser.waitFor().until(d -> d.findElement(By.xpath(
                "//table[@id='tasks-table']//tr[td[contains(., '整改测试" + UNIT + "')]]")));
        assertThat(task.getText()).contains("首页更新").contains("待整改").contains(today.minusDays(60).toString());
        task.findElement(By.cssSelector("button.show-timeline")).click();
        assertThat(browser.waitFor().until(d -> d.findElement(By.cssSelector("#tk-timeline .step-ISSUED")))
                .getText()).contains("下发整改");
        browser.screenshot("rectification-office");

        browser.login(DEPT, PASSWORD, "/department.html");
        browser.waitForAttribute("data-tasks");
        browser.driver().findElement(By.cssSelector(".task textarea.task-reply")).sendKeys("已恢复首页信息发布");
        browser.driver().findElement(By.cssSelector(".task button.send-reply")).click();
        browser.waitFor().until(d -> d.findElement(By.cssSelector(".task .task-status")).getText().contains("已答复"));
        sites.newest(UNIT, today);
        browser.driver().findElement(By.cssSelector(".task button.request-recheck")).click();

        // the page follows the re-check (a crawl of the unit's site, then its re-score) until the task closes
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(90))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".task .task-status")).getText().contains("已销号"));
        WebElement closed = browser.waitFor().until(d -> d.findElement(By.cssSelector(".task .step-CLOSED")));
        assertThat(closed.getText()).contains("销号").contains("自动销号");
        assertThat(browser.driver().findElement(By.cssSelector(".task .task-timeline")).getText())
                .contains("下发整改").contains("单位答复").contains("申请复查").contains("复查开始").contains("复查完成");
        assertThat(browser.driver().findElements(By.cssSelector(".task button.request-recheck"))).isEmpty();
        browser.screenshot("rectification-department");
    }
}
