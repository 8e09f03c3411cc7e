package org.egovmonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.egovmonitor.dashboards.Browser;

/**
 * Screenshots of a running demo for the README (docs/bench/screenshots.sh starts the demo and passes the accounts it
 * printed). Each page is shown once its data is drawn ({@code data-ready} attributes stamped by the pages): every
 * page on a 1440 px desk screen, and the leader's and the department's pages on a 390 × 844 phone screen too
 * ({@code *-phone.png}). Arguments: port, output folder, office password, leader password, department password.
 */
public final class DemoScreenshots {

    static final int DESK_WIDTH = 1440;
    static final int DESK_HEIGHT = 900;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private DemoScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (Browser office = new Browser(port)) {
            office.resize(DESK_WIDTH, DESK_HEIGHT);
            office.login("demo-office", args[2], "/office.html");
            office.waitForAttribute("data-ready-ranking");
            save(office, "office", out);
            office.open("/office.html#matrix");
            office.waitForAttribute("data-ready-matrix");
            save(office, "office-matrix", out);
            office.open("/office.html#unit/czs-kjj");
            office.waitForAttribute("data-ready-crawl");
            save(office, "office-unit", out);
            office.open("/office.html#whatif");
            office.waitForAttribute("data-ready-whatif");
            office.driver().findElement(org.openqa.selenium.By.id("wi-w-interaction")).clear();
            office.driver().findElement(org.openqa.selenium.By.id("wi-w-interaction")).sendKeys("20");
            office.driver().findElement(org.openqa.selenium.By.id("wi-run")).click();
            office.waitForAttribute("data-ready-whatif-result");
            office.js("document.getElementById('wi-summary').scrollIntoView()");
            save(office, "office-whatif", out);
        }
        try (Browser leader = new Browser(port)) {
            leader.resize(DESK_WIDTH, DESK_HEIGHT);
            leader.login("demo-leader", args[3], "/leader.html");
            pageReady(leader);
            save(leader, "leader", out);
            leader.resize(PHONE_WIDTH, PHONE_HEIGHT);
            leader.open("/leader.html");
            pageReady(leader);
            save(leader, "leader-phone", out);
        }
        try (Browser department = new Browser(port)) {
            department.resize(DESK_WIDTH, DESK_HEIGHT);
            department.login("demo-jw", args[4], "/department.html");
            pageReady(department);
            save(department, "department", out);
            department.resize(PHONE_WIDTH, PHONE_HEIGHT);
            department.open("/department.html");
            pageReady(department);
            save(department, "department-phone", out);
        }
    }

    /** Waits for a page's data-ready="true" (set once its data is drawn). */
    private static void pageReady(Browser browser) {
        browser.waitFor().until(d -> "true".equals(browser.js("return document.body.getAttribute('data-ready');")));
    }

    private static void save(Browser browser, String name, Path out) throws Exception {
        Path shot = browser.screenshot(name);
        Files.copy(shot, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("saved " + out.resolve(name + ".png"));
    }
}
