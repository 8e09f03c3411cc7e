package org.egovmonitor.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.dashboards.AsOffice.office;

/**
 * The office's 登记管理 tab in a real Chromium, at the desk (1440 px) and on a phone (390 px): a unit added and
 * edited through its form (取消 closes and clears it), a site, a node and a liaison officer added through theirs, a
 * registry file with a bad line refused with the line number shown and nothing applied, and unit names (not codes)
 * in the node table and the review queue.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistryTabBrowserTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    /** A demo unit with a node; a liaison change of its is waiting in the review queue. */
    static final String DEMO_UNIT = "czs-jw";

    static Http http;
    static Browser browser;
    static String demoUnitName;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        Browser.Installation installed = Browser.requireInstalled();
        http = new Http(APP.getLocalPort());
        demoUnitName = Http.json(office(http.get("/api/units/" + DEMO_UNIT)).send()).path("unit").path("name")
                .asText();
        HttpResponse<String> request = office(http.post("/api/units/" + DEMO_UNIT + "/liaison-requests")).json("""
                {"name":"赵新","phone":"0566-2020000","since":"%s","reason":"原联络员调岗"}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")))).send();
        assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
        browser = new Browser(APP.getLocalPort(), installed);
        browser.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD, "/office.html");
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static JsonNode officeGet(String path, int status) {
        HttpResponse<String> r = office(http.get(path)).send();
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return status == 200 ? Http.json(r) : null;
    }

    @ParameterizedTest
    @ValueSource(ints = {1440, 390})
    void office_managesTheRegistryFromThePage(int width) throws IOException {
        String code = "t-br-" + width;
        browser.resize(width, 900);
        browser.open("/office.html#registry");
        browser.driver().navigate().refresh(); // the previous width may have left this very page open
        browser.waitForAttribute("data-ready-registry");

        // 新增单位: closed until asked for; 取消 closes it and leaves it empty for the next time.
        assertThat(visible("unit-form")).isFalse();
        click("rg-new");
        assertThat(visible("unit-form")).isTrue();
        type("uf-code", "t-br-cancelled");
        type("uf-name", "取消的单位");
        click("uf-cancel");
        assertThat(visible("unit-form")).isFalse();
        click("rg-new");
        assertThat(value("uf-code")).isEmpty();
        assertThat(value("uf-name")).isEmpty();
        withinViewport("unit-form", width);

        // 保存: the form closes and empties, and the table shows the saved unit.
        type("uf-code", code);
        type("uf-name", "浏览器新增单位" + width);
        click("uf-save");
        browser.waitFor().until(d -> !visible("unit-form"));
        assertThat(value("uf-code")).isEmpty();
        assertThat(cells("units-table", 2)).containsExactly("浏览器新增单位" + width);
        officeGet("/api/units/t-br-cancelled", 404);

        // Edit the unit from its row.
        browser.driver().findElement(By.cssSelector("#units-table tbody tr button")).click();
        assertThat(visible("unit-form")).isTrue();
        assertThat(value("uf-name")).isEqualTo("浏览器新增单位" + width);
        type("uf-name", "浏览器改名单位" + width);
        click("uf-save");
        browser.waitFor().until(d -> cells("units-table", 2).contains("浏览器改名单位" + width));
        assertThat(officeGet("/api/units/" + code, 200).path("unit").path("name").asText())
                .isEqualTo("浏览器改名单位" + width);
        String name = "浏览器改名单位" + width;

        // Its leaders, one a line, through the same form; the form shows them when the unit is edited again.
        editFirstUnit();
        type("uf-leaders", "张华 县委副书记、县长\n王强　副县长");
        click("uf-save");
        browser.waitFor().until(d -> !visible("unit-form"));
        assertThat(officeGet("/api/units/" + code + "/leaders", 200).findValuesAsText("post"))
                .containsExactly("县委副书记、县长", "副县长");
        editFirstUnit();
        browser.waitFor().until(d -> value("uf-leaders").contains("王强 副县长"));
        click("uf-cancel");

        // A site, through its form.
        click("rg-new-site");
        new Select(browser.driver().findElement(By.id("sf-unit"))).selectByValue(code);
        type("sf-name", "浏览器网站" + width);
        type("sf-url", "http://br" + width + ".example.gov.cn/");
        click("sf-save");
        browser.waitFor().until(d -> cells("sites-table", 2).contains("浏览器网站" + width));
        assertThat(visible("site-form")).isFalse();
        assertThat(rowOf("sites-table", "浏览器网站" + width)).contains(name).contains("部门网站");
        assertThat(officeGet("/api/sites?unit=" + code, 200)).hasSize(1);

        // A network node, through its form; the node table names units.
        click("rg-new-node");
        new Select(browser.driver().findElement(By.id("nf-unit"))).selectByValue(code);
        new Select(browser.driver().findElement(By.id("nf-status"))).selectByValue("CONNECTED");
        browser.js("document.getElementById('nf-date').value = '2003-04-01';");
        type("nf-phase", "2");
        type("nf-terminals", "12");
        click("nf-save");
        browser.waitFor().until(d -> cells("nodes-table", 1).stream().anyMatch(c -> c.startsWith(name)));
        assertThat(visible("node-form")).isFalse();
        JsonNode node = officeGet("/api/units/" + code + "/node", 200);
        assertThat(node.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(node.path("connectedOn").asText()).isEqualTo("2003-04-01");
        assertThat(node.path("terminals").asInt()).isEqualTo(12);
        List<String> nodeUnits = cells("nodes-table", 1);
        assertThat(nodeUnits).hasSizeGreaterThan(10).anyMatch(c -> c.startsWith(demoUnitName))
                .noneMatch(c -> c.matches("[a-z0-9-]+"));

        // A liaison officer, from the unit's row in the list of units without one.
        browser.waitFor().until(d -> rowOf("liaisons-table", name) != null);
        browser.driver().findElements(By.cssSelector("#liaisons-table tbody tr")).stream()
                .filter(tr -> tr.getText().contains(name)).findFirst().orElseThrow()
                .findElement(By.tagName("button")).click();
        assertThat(new Select(browser.driver().findElement(By.id("lf-unit"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(code);
        type("lf-name", "钱联络");
        type("lf-phone", "0566-2021234");
        click("lf-save");
        browser.waitFor().until(d -> visible("lf-done"));
        assertThat(text("lf-done")).contains(name).contains("钱联络");
        browser.waitFor().until(d -> rowOf("liaisons-table", name) == null);
        assertThat(officeGet("/api/units/" + code + "/liaisons", 200).get(0).path("name").asText())
                .isEqualTo("钱联络");

        // A registry file with bad lines: every bad line listed by number, nothing applied.
        Path bad = dir.resolve("bad-" + width + ".csv");
        Files.writeString(bad, """
                类型,编码,名称,类别,所属单位,网址
                单位,t-br-file-%d,文件单位,DEPARTMENT,,
                单位,t-br-bad-%d,坏类别,BUREAU,,
                网站,,无主网站,DEPARTMENT,t-br-nobody,http://nobody.example.gov.cn/
                """.formatted(width, width), StandardCharsets.UTF_8);
        new Select(browser.driver().findElement(By.id("im-kind"))).selectByValue("registry");
        browser.driver().findElement(By.id("im-file")).sendKeys(bad.toAbsolutePath().toString());
        assertThat(text("im-filename")).isEqualTo("bad-" + width + ".csv");
        click("im-apply");
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("#im-errors li")).isEmpty());
        List<String> errors = browser.driver().findElements(By.cssSelector("#im-errors li")).stream()
                .map(WebElement::getText).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("第 3 行：类别：");
        assertThat(errors.get(1)).startsWith("第 4 行：所属单位：").contains("t-br-nobody");
        assertThat(text("im-summary")).contains("未导入任何数据");
        officeGet("/api/units/t-br-file-" + width, 404);

        // The same file, corrected, previewed (nothing kept) and then imported.
        Files.writeString(bad, Files.readString(bad).replace("BUREAU", "DEPARTMENT")
                .replace("t-br-nobody", code), StandardCharsets.UTF_8);
        browser.driver().findElement(By.id("im-file")).sendKeys(bad.toAbsolutePath().toString());
        click("im-preview");
        browser.waitFor().until(d -> text("im-summary").contains("检查通过"));
        assertThat(text("im-summary")).contains("单位 2").contains("尚未导入");
        officeGet("/api/units/t-br-file-" + width, 404);
        click("im-apply");
        browser.waitFor().until(d -> text("im-summary").contains("导入完成"));
        officeGet("/api/units/t-br-file-" + width, 200);
        browser.screenshot("office-registry-tab-" + width);
        assertThat(browser.horizontalOverflow()).as("sideways scrolling at " + width).isZero();

        // The review queue names the unit.
        browser.open("/office.html#reviews");
        browser.waitForAttribute("data-ready-reviews");
        browser.waitFor().until(d -> !cells("review-liaisons", 1).isEmpty());
        assertThat(cells("review-liaisons", 1)).anyMatch(c -> c.startsWith(demoUnitName) && c.contains(DEMO_UNIT))
                .noneMatch(c -> c.matches("[a-z0-9-]+"));
        browser.screenshot("office-reviews-" + width);
        assertThat(browser.horizontalOverflow()).as("sideways scrolling at " + width).isZero();
    }

    /** Opens the form of the units table's first row (the table may be redrawn meanwhile after a save). */
    private static void editFirstUnit() {
        browser.waitFor().until(d -> {
            try {
                d.findElement(By.cssSelector("#units-table tbody tr button")).click();
                return visible("unit-form");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static void click(String id) {
        WebElement e = browser.driver().findElement(By.id(id));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    private static void type(String id, String text) {
        WebElement e = browser.driver().findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String value(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("value");
    }

    private static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static boolean visible(String id) {
        return browser.driver().findElement(By.id(id)).isDisplayed();
    }

    /** The texts of one column (1-based) of a table's body rows. */
    private static List<String> cells(String tableId, int column) {
        return browser.driver().findElements(By.cssSelector("#" + tableId + " tbody tr td:nth-child(" + column + ")"))
                .stream().map(WebElement::getText).toList();
    }

    /** The text of the first body row that mentions {@code needle}, or null. */
    private static String rowOf(String tableId, String needle) {
        return browser.driver().findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(WebElement::getText).filter(t -> t.contains(needle)).findFirst().orElse(null);
    }

    /** A form must be usable without scrolling sideways, on a phone too. */
    private static void withinViewport(String id, int width) {
        Number right = (Number) browser.js("return document.getElementById(arguments[0]).getBoundingClientRect().right;",
                id);
        assertThat(right.doubleValue()).as(id + " at " + width).isLessThanOrEqualTo(width);
    }
}
