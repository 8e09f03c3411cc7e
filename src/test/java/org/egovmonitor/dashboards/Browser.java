package org.egovmonitor.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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
 *
 * <p>Where they are is decided by {@code .ci/find-browser}, the same script {@code .ci/run} uses before installing
 * them: {@code EGOV_CHROMIUM} / {@code EGOV_CHROMEDRIVER} (or the system properties {@code egov.chromium} /
 * {@code egov.chromedriver}) when set, else PATH, else the known install paths. A test class calls
 * {@link #requireInstalled()}: without a browser it is skipped, unless {@code EGOV_BROWSER_REQUIRED=true} (or
 * {@code -Degov.browser.required=true}), which {@code .ci/run} sets, so that under CI a missing browser fails.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final String REQUIRED_ENV = "EGOV_BROWSER_REQUIRED";
    public static final String REQUIRED_PROPERTY = "egov.browser.required";
    static final Path FIND_BROWSER = Path.of(".ci", "find-browser");

    /** The two programs, as found. */
    public record Installation(Path chromium, Path chromedriver) {
    }

    /** The lookup found no browser (or no driver); the message says which and where it looked. */
    public static final class NotInstalledException extends Exception {
        NotInstalledException(String message) {
            super(message);
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    /** A browser from the standard lookup; fails when there is none. */
    public Browser(int port) {
        this(port, installed());
    }

    public Browser(int port, Installation installation) {
        this.base = "http://localhost:" + port;
        try {
            profile = Files.createTempDirectory("egov-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.chromium().toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=zh-CN", "--window-size=1366,768", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.chromedriver().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /**
     * For a test class's setup: the installed browser, or the test is skipped when there is none, or it fails when
     * the browser is required ({@value #REQUIRED_ENV}=true, as under CI).
     */
    public static Installation requireInstalled() {
        return requireInstalled(lookupEnvironment(), required());
    }

    static Installation requireInstalled(Map<String, String> environment, boolean required) {
        try {
            return locate(environment);
        } catch (NotInstalledException e) {
            if (required) {
                throw new AssertionError("browser tests need chromium and chromedriver: " + e.getMessage() + "; "
                        + REQUIRED_ENV + "=true (set by .ci/run), so they fail instead of being skipped", e);
            }
            Assumptions.abort("browser tests skipped: " + e.getMessage() + " (" + REQUIRED_ENV
                    + "=true makes this a failure)");
            throw new IllegalStateException("unreachable");
        }
    }

    /** Whether a missing browser is a failure: {@value #REQUIRED_ENV} or {@value #REQUIRED_PROPERTY} is true. */
    static boolean required() {
        return Boolean.parseBoolean(System.getenv(REQUIRED_ENV))
                || Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY));
    }

    private static Installation installed() {
        try {
            return locate(lookupEnvironment());
        } catch (NotInstalledException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The system properties egov.chromium / egov.chromedriver, passed to the lookup as its variables. */
    private static Map<String, String> lookupEnvironment() {
        Map<String, String> env = new HashMap<>();
        String chromium = System.getProperty("egov.chromium");
        String driver = System.getProperty("egov.chromedriver");
        if (chromium != null) {
            env.put("EGOV_CHROMIUM", chromium);
        }
        if (driver != null) {
            env.put("EGOV_CHROMEDRIVER", driver);
        }
        return env;
    }

    /** Runs {@code .ci/find-browser} with these variables added to (or replacing) the inherited environment. */
    static Installation locate(Map<String, String> environment) throws NotInstalledException {
        if (!Files.isRegularFile(FIND_BROWSER)) {
            throw new NotInstalledException(FIND_BROWSER.toAbsolutePath() + " is missing (run the tests from the "
                    + "project folder)");
        }
        ProcessBuilder builder = new ProcessBuilder("bash", FIND_BROWSER.toString());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new NotInstalledException(err.strip());
            }
            Map<String, String> found = new HashMap<>();
            out.lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> found.put(kv[0], kv[1]));
            return new Installation(Path.of(found.get("CHROMIUM")), Path.of(found.get("CHROMEDRIVER")));
        } catch (IOException e) {
            throw new NotInstalledException("cannot run " + FIND_BROWSER + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotInstalledException("interrupted while running " + FIND_BROWSER);
        }
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

    /** Window size as a user's screen: 1440 for the office desk, 390 (or 360) for a phone. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        waitFor().until(d -> ((Number) js("return window.innerWidth;")).intValue() <= width);
    }

    /** How many CSS pixels the page is wider than its viewport: 0 when nothing scrolls sideways. */
    public long horizontalOverflow() {
        Object n = js("var e = document.scrollingElement || document.documentElement;"
                + " return Math.max(0, e.scrollWidth - window.innerWidth);");
        return ((Number) n).longValue();
    }

    /**
     * Switches CSS media emulation between print ({@code true}) and screen; charts see it as a real print. Back to
     * screen means no emulation at all: an emulated "screen" would also hold while printing, so that a later
     * {@link #printToPdf()} would print the screen's layout.
     */
    public void emulatePrint(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    /** The page printed by Chromium itself (A4, backgrounds on), as PDF bytes. */
    public byte[] printToPdf() {
        Map<String, Object> result = driver.executeCdpCommand("Page.printToPDF",
                Map.of("printBackground", true, "paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true));
        return Base64.getDecoder().decode((String) result.get("data"));
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
