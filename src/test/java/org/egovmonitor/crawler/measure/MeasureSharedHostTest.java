package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty township sites under one county host, measured at once as a crawl round does (one shared set of host
 * gates, many workers): each waits its politeness turn far longer than one fetch's deadline, and every site must
 * still be measured. The queue (about 110 requests spaced 60 ms, two at a time) lasts several times the 1.5 s
 * deadline, so a deadline that counted the wait would fail most of them.
 */
class MeasureSharedHostTest {

    private static final String HOST = "county.gov.test";
    private static final int SITES = 50;
    private static final long DELAY_MS = 60;
    private static final long DEADLINE_MS = 1500;

    private static HostileServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HostileServer.start();
        for (int i = 1; i <= SITES; i++) {
            String town = town(i);
            String home = """
                    <!DOCTYPE html><html><head><meta charset="utf-8"><title>%1$s镇人民政府</title></head><body>
                    <div id="nav"><a href="/%1$s/">首页</a> <a href="/%1$s/tzgg/">通知公告</a></div>
                    <ul class="news">
                    <li><a href="/%1$s/tzgg/2024/t20240510_1.html">关于春耕生产的通知</a><span>2024-05-10</span></li>
                    <li><a href="/%1$s/tzgg/2024/t20240502_2.html">镇政府召开安全生产会议</a><span>2024-05-02</span></li>
                    </ul></body></html>
                    """.formatted(town);
            String list = """
                    <!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>
                    <ul class="list">
                    <li><a href="/%1$s/tzgg/2024/t20240510_1.html">关于春耕生产的通知</a><span>2024-05-10</span></li>
                    <li><a href="/%1$s/tzgg/2024/t20240502_2.html">镇政府召开安全生产会议</a><span>2024-05-02</span></li>
                    </ul></body></html>
                    """.formatted(town);
            if (i % 5 == 0) {
                // Some township sites answer their root with a redirect to the real homepage: one more queued hop.
                server.route("/" + town + "/", (r, s, out) -> HostileServer.redirect(out, 302,
                        "/" + town + "/index.html"));
                server.route("/" + town + "/index.html", (r, s, out) -> HostileServer.respond(out, 200,
                        "text/html; charset=utf-8", home));
            } else {
                server.route("/" + town + "/", (r, s, out) -> HostileServer.respond(out, 200,
                        "text/html; charset=utf-8", home));
            }
            server.route("/" + town + "/tzgg/", (r, s, out) -> HostileServer.respond(out, 200,
                    "text/html; charset=utf-8", list));
            server.route("/" + town + "/tzgg/2024/*", (r, s, out) -> HostileServer.respond(out, 200,
                    "text/html; charset=utf-8", HostileServer.PAGE));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String town(int i) {
        return String.format("town%02d", i);
    }

    @Test
    @Timeout(120)
    void measureAll_fiftySitesOnOneHost_allMeasuredNoneTimedOut() {
        // The shipped settings, with a shorter (non-zero) delay and deadline so the test stays quick; the deadline
        // is still far below the time the last site waits for its turn.
        CrawlSettings settings = MeasureTestSupport.localSettings("deadlineMs: " + DEADLINE_MS + "\n")
                .withFetch(f -> f.withPerHostDelayMs(DELAY_MS)
                        .withHostOverrides(Map.of(HOST, "127.0.0.1:" + server.port())));
        assertThat(settings.fetch().perHostConcurrency()).isEqualTo(FetchSettings.defaults().perHostConcurrency());
        List<MeasurementEngine.Target> targets = new ArrayList<>();
        for (int i = 1; i <= SITES; i++) {
            targets.add(new MeasurementEngine.Target(URI.create("http://" + HOST + "/" + town(i) + "/"),
                    SiteKind.TOWNSHIP_PAGE));
        }
        long started = System.nanoTime();
        List<SiteMeasurement> all;
        try (MeasurementEngine engine = new MeasurementEngine(settings, new HostGates(settings.fetch()),
                CrawlerFiles.defaultCatalog())) {
            all = engine.measureAll(targets, LocalDate.of(2024, 5, 20), SITES, null);
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMs).as("the queue really outlasted one deadline").isGreaterThan(2 * DEADLINE_MS);
        assertThat(all).hasSize(SITES);
        for (SiteMeasurement m : all) {
            assertThat(m.reachable()).as(m.url() + " reachable (" + m.errorKind() + ")").isTrue();
            assertThat(m.fetches()).as(m.url()).extracting(Fetch::errorKind).containsOnlyNulls();
            assertThat(m.sections()).as(m.url()).extracting(SiteMeasurement.Section::status).containsOnly(200);
            assertThat(m.homepage().newestDate()).as(m.url()).isEqualTo(LocalDate.of(2024, 5, 10));
        }
        assertThat(all.get(4).finalUrl()).isEqualTo("http://" + HOST + "/town05/index.html");
        assertThat(server.maxConcurrentRequests()).isLessThanOrEqualTo(settings.fetch().perHostConcurrency());
    }
}
