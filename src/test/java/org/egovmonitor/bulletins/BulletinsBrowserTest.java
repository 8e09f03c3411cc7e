package org.egovmonitor.bulletins;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.dashboards.Browser;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 通报 tab and the department's notice links in a real Chromium: the office generates June's monthly report from
 * the page, downloads its PDF with the browser's session, and the first page renders with ink on it (saved to
 * target/screenshots); the department downloads its own 整改通知书.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BulletinsBrowserTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final String PASSWORD = "browser-password";
    static Browser browser;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        Http http = new Http(APP.getLocalPort());
        for (String json : List.of("{\"code\":\"bb-a\",\"name\":\"浏览器测试局\",\"kind\":\"DEPARTMENT\"}")) {
            assertThat(office(http, "POST", "/api/units").json(json).send().statusCode()).isEqualTo(201);
        }
        assertThat(office(http, "POST", "/api/users").json("{\"username\":\"bb-dept\",\"role\":\"DEPARTMENT\","
                + "\"unitCode\":\"bb-a\",\"password\":\"" + PASSWORD + "\"}").send().statusCode()).isEqualTo(201);
        for (String day : List.of("2024-05-31", "2024-06-30")) {
            HttpResponse<String> r = office(http, "POST", "/api/scoring/snapshot?date=" + day).json("{}").send();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        browser = new Browser(APP.getLocalPort(), installed);
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static Http.Request office(Http http, String method, String path) {
        return http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
    }

    /** GET with the page's session: status, type, disposition and the body as base64. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> download(String href) {
        return (Map<String, Object>) browser.asyncJs("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                    return r.arrayBuffer().then(function (buf) {
                        var bytes = new Uint8Array(buf), s = '';
                        for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                        done({status: r.status, type: r.headers.get('Content-Type'),
                              disposition: r.headers.get('Content-Disposition'), body: btoa(s)});
                    });
                }, function (e) { done({status: -1}); });
                """, href);
    }

    @Test
    void office_generatesMonthlyReport_downloadsPdf_firstPageRendersWithInk() throws IOException {
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
        browser.open("/office.html#bulletins");
        browser.waitForAttribute("data-ready-bulletins");
        assertThat(browser.driver().findElement(By.id("bl-table")).getText()).contains("尚无通报");
        new Select(browser.driver().findElement(By.id("bl-kind"))).selectByVisibleText("月报");
        browser.js("document.getElementById('bl-date').value = '2024-06-15';");
        browser.driver().findElement(By.id("bl-generate")).click();
        browser.waitFor().until(d -> d.findElement(By.id("bl-table")).getText().contains("2024-06-01 至 2024-06-30"));
        assertThat(browser.driver().findElement(By.id("bl-status")).getText()).startsWith("已生成：月报");
        browser.screenshot("office-bulletins");

        String href = browser.driver().findElement(By.cssSelector("#bulletins-table a.bl-pdf")).getAttribute("href");
        Map<String, Object> pdf = download(href);
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat(pdf.get("type")).isEqualTo("application/pdf");
        assertThat(BulletinsApiTest.chineseFilename((String) pdf.get("disposition")))
                .isEqualTo("通报-月报-2024-06-01_2024-06-30.pdf");
        try (PDDocument doc = Loader.loadPDF(Base64.getDecoder().decode((String) pdf.get("body")))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("政府网站与政务网络监测月报", "浏览器测试局");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            Files.createDirectories(Browser.SCREENSHOTS);
            ImageIO.write(page, "png", Browser.SCREENSHOTS.resolve("bulletin-page1.png").toFile());
            assertThat(BulletinFilesTest.inkShare(page)).isBetween(0.005, 0.5);
        }
        Map<String, Object> docx = download(browser.driver().findElement(By.cssSelector("#bulletins-table a.bl-docx"))
                .getAttribute("href"));
        assertThat(docx.get("status")).isEqualTo(200L);
        assertThat(docx.get("type")).isEqualTo(ReportFormat.DOCX_TYPE);
    }

    @Test
    void department_downloadsItsOwnNotice() {
        browser.login("bb-dept", PASSWORD, "/department.html");
        browser.waitFor().until(d -> d.findElement(By.id("notice-pdf")).getAttribute("href").endsWith(
                "/api/units/bb-a/notice.pdf"));
        assertThat(browser.driver().findElement(By.id("notice-docx")).getText()).isEqualTo("下载整改通知书（Word）");
        Map<String, Object> notice = download(browser.driver().findElement(By.id("notice-pdf")).getAttribute("href"));
        assertThat(notice.get("status")).isEqualTo(200L);
        assertThat(BulletinsApiTest.chineseFilename((String) notice.get("disposition")))
                .isEqualTo("整改通知书-浏览器测试局-2024-06-30.pdf");
    }
}
