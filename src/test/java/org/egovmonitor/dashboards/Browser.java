package org.egovmonitor.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven by the system's chromedriver: both paths are given, so Selenium Manager never
 * looks for (or downloads) a browser or a driver. One per test class; a fresh profile each time.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("egov.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("egov.chromedriver", "/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        try {
            profile = Files.createTempDirectory("egov-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=zh-CN", "--window-size=1366,768", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** Chromium and its driver are installed (CI installs them; see .ci/run). */
    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Logs in through the login form (a fresh session) and waits for the landing page. */
    public void login(String username, String password, String landing) {
        driver.manage().deleteAllCookies();
        open("/login.html");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        waitFor().until(ExpectedConditions.urlContains(landing));
    }

    /** Waits up to 20 s; an element replaced by a re-render while being read is simply read again. */
    public WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public void waitForAttribute(String attribute) {
        waitFor().until(d -> js("return document.body.getAttribute(arguments[0]);", attribute) != null);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Pixels of a canvas that are not fully transparent: a drawn chart has many. */
    public long paintedPixels(String canvasId) {
        Object n = js("""
                var c = document.getElementById(arguments[0]);
                if (!c || !c.width || !c.height) { return -1; }
                var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                var painted = 0;
                for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) { painted++; } }
                return painted;
                """, canvasId);
        return ((Number) n).longValue();
    }

    /** fetch() from the page with the session cookie; returns the status. */
    public long fetchStatus(String method, String path, String body, boolean withCsrf) {
        Object status = asyncJs("""
                var done = arguments[arguments.length - 1];
                var headers = {'Accept': 'application/json', 'Content-Type': 'application/json'};
                var method = arguments[0], path = arguments[1], body = arguments[2], csrf = arguments[3];
                (csrf ? fetch('/api/me', {credentials: 'same-origin'}).then(function (r) { return r.json(); })
                      : Promise.resolve({})).then(function (me) {
                    if (csrf) { headers['X-CSRF-Token'] = me.csrfToken; }
                    return fetch(path, {method: method, credentials: 'same-origin', headers: headers,
                        body: method === 'GET' ? undefined : body});
                }).then(function (r) { done(r.status); }, function (e) { done(-1); });
                """, method, path, body, withCsrf);
        return ((Number) status).longValue();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
