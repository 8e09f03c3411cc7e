package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.dashboards.Browser;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The office's 告警 tab in a real headless Chromium: the test message lands in the log; a unit is switched off and on. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AlertsBrowserTest {

    static final GreenMail MAIL = MailedApp.startMail();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = MailedApp.app(MAIL);

    static Browser browser;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        new OfficeApi(APP).post("/api/units", Map.of("code", "br-alert", "name", "告警浏览器局", "kind", "DEPARTMENT"),
                201);
        browser = new Browser(APP.getLocalPort(), installed);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
        MAIL.stop();
    }

    @Test
    void office_alertsTab_testMessageLogged_unitSwitchedOffAndOn() {
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.open("/office.html#alerts");
        browser.waitForAttribute("data-ready-alerts");
        assertThat(browser.driver().findElement(By.id("al-table")).getText()).contains("尚无告警消息");

        browser.driver().findElement(By.id("al-test")).click();
        browser.waitFor().until(d -> d.findElement(By.id("al-test-msg")).getText().contains("1 / 1"));
        String log = browser.waitFor().until(d -> {
            String text = d.findElement(By.id("al-table")).getText();
            return text.contains("已发送") ? text : null;
        });
        assertThat(log).contains("测试消息", "电子邮件", "office@city.test", "即时", "【政务网站监测】测试消息");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        browser.driver().findElement(By.id("al-optout-code")).sendKeys("br-alert");
        browser.driver().findElement(By.id("al-optout")).click();
        browser.waitFor().until(d -> d.findElement(By.id("al-optouts")).getText().contains("告警浏览器局（br-alert）"));
        assertThat(browser.driver().findElement(By.id("al-optouts")).getText()).contains(TestApp.OFFICE_USER);
        browser.screenshot("office-alerts");

        browser.driver().findElement(By.cssSelector("#al-optouts button[data-unit='br-alert']")).click();
        browser.waitFor().until(d -> d.findElement(By.id("al-optouts")).getText().contains("所有单位的告警均已开启"));
    }
}
