package org.egovmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.alerts.MailedApp;
import org.egovmonitor.alerts.WebhookReceiver;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.dashboards.Browser;
import org.egovmonitor.demo.farm.GeneratedSite;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The office's working loop on the demo, end to end in a real Chromium: the demo app with its registry and site farm
 * (the scheduler on, as {@code demo} runs it), alerts mailed to a GreenMail server in this JVM and posted to a local
 * webhook receiver. After the demo's first crawl round and snapshot the office issues a 整改 task from the veto of
 * 池州质量监督网 (its homepage not updated for over a year) on the 预警 tab; the veto's e-mail and webhooks arrive; the
 * department replies on its page; the test brings the farm site up to date; the department asks for a re-check, which
 * crawls that site and closes the task (已销号) with its timeline; the month's 通报, generated on the 通报 tab, lists
 * the task in both the .docx and the .pdf. Screenshots of the task and of the report's page go to target/screenshots.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfficeLoopBrowserTest {

    static final String UNIT = "czs-zjj";
    static final String UNIT_NAME = "池州市质量技术监督局";
    static final String SITE = "http://www.czzljd.gov.cn/";
    static final String HOST = "www.czzljd.gov.cn";
    static final String DEPT = "zjj-dept";
    static final String DEPT_PASSWORD = "office-loop-department";
    static final Duration FIRST_ROUND = Duration.ofSeconds(120);
    static final ObjectMapper JSON = new ObjectMapper();

    static final GreenMail MAIL = MailedApp.startMail();
    static final WebhookReceiver ROBOTS = startReceiver();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = demoApp();

    static Browser browser;
    static Http http;
    static LocalDate today;
    /** The veto as the first snapshot recorded it. */
    static JsonNode veto;

    /** The app as {@code demo} starts it, its alerts going to the SMTP server and the receiver above. */
    private static DropwizardAppExtension<EgovMonitorConfiguration> demoApp() {
        // config.yml's alert webhooks are a list of objects, which a ConfigOverride cannot add: the list is written
        // into the file as read (and the test fails at once if config.yml no longer says "webhooks: []")
        ConfigurationSourceProvider withWebhooks = path -> {
            String yaml = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            String robots = "  webhooks: [{name: 值班群, format: WECOM, url: '" + ROBOTS.url("/wecom")
                    + "'}, {name: 工单系统, format: JSON, url: '" + ROBOTS.url("/json") + "'}]";
            if (!yaml.contains("\n  webhooks: []\n")) {
                throw new IllegalStateException("config.yml has no empty alerts.webhooks list to fill");
            }
            return new ByteArrayInputStream(yaml.replace("\n  webhooks: []\n", "\n" + robots + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        };
        return DemoApp.extension(withWebhooks,
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("alerts.dashboardUrl", "http://monitor.city.test/"),
                ConfigOverride.config("alerts.smtp.host", "127.0.0.1"),
                ConfigOverride.config("alerts.smtp.from", "monitor@city.test"),
                ConfigOverride.config("alerts.smtp.port", () -> Integer.toString(MAIL.getSmtp().getPort())),
                ConfigOverride.config("alerts.officeEmails", MailedApp.OFFICE_ADDRESS));
    }

    private static WebhookReceiver startReceiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void firstRoundAndDepartmentAccount() throws Exception {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        today = LocalDate.now(APP.getConfiguration().zoneId());
        // the demo's first crawl round (triggered at start) and its snapshot
        Await.until("the demo's first snapshot with the veto of " + SITE, FIRST_ROUND,
                () -> findVeto().isPresent());
        veto = findVeto().orElseThrow();
        // the demo creates one department account (市计委, a unit without a website); this unit's is made as the
        // office makes any department account
        assertThat(http.post("/api/users").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD).json("""
                {"username":"%s","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                .formatted(DEPT, UNIT, DEPT_PASSWORD)).send().statusCode()).isEqualTo(201);
        browser = new Browser(APP.getLocalPort(), installed);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
        ROBOTS.close();
        MAIL.stop();
    }

    private static Optional<JsonNode> findVeto() {
        var r = http.get("/api/warnings?includeVetoes=true").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                .send();
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode row : Http.json(r)) {
            JsonNode f = row.path("finding");
            if (row.path("unitCode").asText().equals(UNIT) && f.path("kind").asText().equals("VETO")
                    && f.path("indicator").asText().equals("homepage_freshness")) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Test
    void vetoToTaskToFixedSiteToClosedTaskInTheMonthlyReport_withMailAndWebhooks() throws Exception {
        String message = veto.path("message").asText();
        String evidenceDate = veto.path("evidence").path("date").asText();
        assertThat(message).startsWith("首页已 ").endsWith("天未更新，达到否决线");
        assertThat(veto.path("evidence").path("url").asText()).isEqualTo(SITE);

        // 1. the office issues the task from the veto's row on the 预警 tab
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.open("/office.html#warnings");
        browser.waitForAttribute("data-ready-warnings");
        WebElement vetoRow = browser.waitFor().until(d -> d.findElement(By.xpath(
                "//table[@id='warnings-table']//tr[td/span[text()='单项否决'] and td[contains(., '" + UNIT_NAME
                        + "')] and td[contains(., '首页更新')]]")));
        vetoRow.findElement(By.cssSelector("button.issue-task")).click();
        assertThat(browser.waitFor().until(d -> d.findElement(By.cssSelector("#warnings-table .issued-note")))
                .getText()).startsWith("已下发 1 项");
        JsonNode issued = Http.json(http.get("/api/rectification/tasks?unit=" + UNIT)
                .basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD).send());
        assertThat(issued).hasSize(1);
        LocalDate deadline = LocalDate.parse(issued.get(0).path("deadline").asText());

        // 2. the veto reached the office by e-mail and both robots, in Chinese, with its evidence
        String subject = "【政务网站监测】" + UNIT_NAME + "：新增单项否决 — " + message;
        // the first round raises a few hundred deliveries and each run sends at most a batch, vetoes first: this one
        // may still wait for the next minute's delivery job when other vetoes fill the batch
        Await.until("the veto's e-mail", Duration.ofSeconds(180), () -> mailWithSubject(subject).isPresent());
        MimeMessage mail = mailWithSubject(subject).orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).contains(MailedApp.OFFICE_ADDRESS);
        assertThat(MailedApp.text(mail.getContent())).contains("单位：" + UNIT_NAME + "（" + UNIT + "）", "事项：新增单项否决",
                "标准：超过 14 天未更新即否决", "证据：网址 " + SITE + "；日期 " + evidenceDate + "；HTTP 状态 200",
                "查看详情：http://monitor.city.test/office.html#unit/" + UNIT);
        Await.until("the veto's webhooks", Duration.ofSeconds(180),
                () -> robotPost("/wecom", message).isPresent() && robotPost("/json", message).isPresent());
        JsonNode wecom = JSON.readTree(robotPost("/wecom", message).orElseThrow().body());
        assertThat(wecom.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.path("markdown").path("content").asText()).startsWith("### " + UNIT_NAME + "：新增单项否决")
                .contains("证据：网址 " + SITE + "；日期 " + evidenceDate + "；HTTP 状态 200");
        JsonNode plain = JSON.readTree(robotPost("/json", message).orElseThrow().body());
        assertThat(plain.path("unitCode").asText()).isEqualTo(UNIT);
        assertThat(plain.path("subject").asText()).isEqualTo(subject);
        assertThat(plain.path("text").asText()).contains("证据：网址 " + SITE);

        // 3. the department answers on its page
        browser.login(DEPT, DEPT_PASSWORD, "/department.html");
        browser.waitForAttribute("data-tasks");
        WebElement task = browser.driver().findElement(By.cssSelector(".task"));
        assertThat(task.getText()).contains(message, SITE);
        task.findElement(By.cssSelector("textarea.task-reply")).sendKeys("已重新组织首页信息发布，每周更新");
        task.findElement(By.cssSelector("button.send-reply")).click();
        browser.waitFor().until(d -> d.findElement(By.cssSelector(".task .task-status")).getText().contains("已答复"));

        // 4. the site is reworked: a department's usual sections, none blank, none stale, dated items on the homepage
        DemoFarm farm = ((EgovMonitorApplication) APP.getApplication()).demoFarm().orElseThrow();
        GeneratedSite fixed = farm.farm().change(HOST, new SiteSpec.Overrides(Set.of("open_gov", "news", "notices",
                "policy", "service_guide", "mailbox", "org_info", "downloads"), Set.of(), Set.of(), null, null, null,
                false));
        assertThat(fixed.truth().homepage().newestDate()).as("the reworked homepage's newest item")
                .isAfter(today.minusDays(10));

        // 5. the re-check crawls the site; the page follows it until the task closes, with its timeline
        browser.driver().findElement(By.cssSelector(".task button.request-recheck")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".task .task-status")).getText().contains("已销号"));
        assertThat(browser.waitFor().until(d -> d.findElement(By.cssSelector(".task .step-CLOSED"))).getText())
                .contains("销号").contains("自动销号");
        assertThat(browser.driver().findElement(By.cssSelector(".task .task-timeline")).getText())
                .contains("下发整改", "单位答复", "申请复查", "复查开始", "复查完成", "销号");
        elementShot(browser.driver().findElement(By.cssSelector(".task")), "loop-task-timeline");
        assertThat(findVeto()).as("the veto is gone from today's snapshot").isEmpty();

        // 6. the month's 通报 lists the task, closed, in Word and in PDF
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.open("/office.html#bulletins");
        browser.waitForAttribute("data-ready-bulletins");
        new Select(browser.driver().findElement(By.id("bl-kind"))).selectByVisibleText("月报");
        browser.js("document.getElementById('bl-date').value = arguments[0];", today.toString());
        browser.driver().findElement(By.id("bl-generate")).click();
        String period = today.withDayOfMonth(1) + " 至 " + today.withDayOfMonth(today.lengthOfMonth());
        browser.waitFor().until(d -> d.findElement(By.id("bl-table")).getText().contains(period));
        browser.screenshot("loop-office-bulletins");

        String taskText = "首页更新：" + message;
        List<String> expectedRow = List.of(UNIT_NAME, taskText, today.toString(), deadline.toString(),
                today.toString(), "已销号");
        byte[] docx = download(By.cssSelector("#bulletins-table a.bl-docx"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("八、本期整改情况");
            XWPFTable table = tableAfter(doc, "本期下发整改任务 1 项，销号 1 项。");
            assertThat(cells(table.getRow(0))).containsExactly("单位", "整改任务", "下发日期", "整改期限", "销号日期",
                    "期末状态");
            assertThat(cells(table.getRow(1))).isEqualTo(expectedRow);
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("截至本期末，没有未完成的整改任务。");
        }
        byte[] pdf = download(By.cssSelector("#bulletins-table a.bl-pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(doc);
            assertThat(text).contains("八、本期整改情况", "本期下发整改任务 1 项，销号 1 项。", UNIT_NAME, "已销号",
                    deadline.toString());
            int page = pageWith(doc, "八、本期整改情况");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 80);
            Files.createDirectories(Browser.SCREENSHOTS);
            ImageIO.write(image, "png", Browser.SCREENSHOTS.resolve("loop-bulletin-tasks.png").toFile());
        }
    }

    private static Optional<MimeMessage> mailWithSubject(String subject) {
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            try {
                if (subject.equals(m.getSubject())) {
                    return Optional.of(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<WebhookReceiver.Received> robotPost(String path, String message) {
        return ROBOTS.received(path).stream().filter(r -> r.body().contains(UNIT_NAME + "：新增单项否决")
                && r.body().contains(message)).findFirst();
    }

    /** A file behind a link of the page, fetched with the page's session. */
    @SuppressWarnings("unchecked")
    private static byte[] download(By link) {
        String href = browser.driver().findElement(link).getAttribute("href");
        Map<String, Object> r = (Map<String, Object>) browser.asyncJs("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                    return r.arrayBuffer().then(function (buf) {
                        var bytes = new Uint8Array(buf), s = '';
                        for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                        done({status: r.status, body: btoa(s)});
                    });
                }, function (e) { done({status: -1}); });
                """, href);
        assertThat(r.get("status")).as(href).isEqualTo(200L);
        return Base64.getDecoder().decode((String) r.get("body"));
    }

    private static XWPFTable tableAfter(XWPFDocument doc, String paragraph) {
        boolean seen = false;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && p.getText().equals(paragraph)) {
                seen = true;
            } else if (seen && e instanceof XWPFTable t) {
                return t;
            }
        }
        throw new AssertionError("no table after \"" + paragraph + "\"");
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    /** The 0-based index of the first page whose text contains {@code text}. */
    private static int pageWith(PDDocument doc, String text) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            if (stripper.getText(doc).contains(text)) {
                return i - 1;
            }
        }
        throw new AssertionError("no page says " + text);
    }

    private static void elementShot(WebElement element, String name) throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
    }
}
