package org.egovmonitor.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.testing.hostile.HostileServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update volume counts a family's items with the window in force when it is scored, whatever window the crawl
 * ran with: a local site is measured, stored and read back as scoring reads it (PostgreSQL), then scored after
 * {@code crawlers/sections.yml} changed the news window.
 */
class UpdateVolumeWindowTest {

    private static final LocalDate NOW = LocalDate.of(2024, 5, 20);
    /** One news item a day, 0 to 19 days before the crawl: 15 within 14 days, 8 within 7. */
    private static final int ITEMS = 20;

    private static HostileServer server;
    private static String sectionsText;
    private static String indicatorsText;

    private Jdbi jdbi;
    private ObservationStore store;
    private long siteId;

    @BeforeAll
    static void start() throws IOException {
        sectionsText = Files.readString(SectionCatalog.DEFAULT_PATH, StandardCharsets.UTF_8);
        indicatorsText = Files.readString(IndicatorCatalogue.DEFAULT_PATH, StandardCharsets.UTF_8);
        server = HostileServer.start();
        page("/", """
                <div class="nav"><a href="/">首页</a> <a href="/xwdt/">新闻动态</a></div>
                <ul class="news"><li><a href="/xwdt/t1.html">我市召开全市工作会议</a> 2024-05-18</li></ul>""");
        StringBuilder list = new StringBuilder("<div class=\"main\"><ul class=\"list\">");
        for (int age = 0; age < ITEMS; age++) {
            LocalDate d = NOW.minusDays(age);
            list.append("<li><a href=\"/xwdt/").append(d.toString().replace("-", "")).append("/t").append(age)
                    .append(".html\">关于做好第").append(age + 1).append("项工作的通知</a><span>").append(d)
                    .append("</span></li>");
        }
        page("/xwdt/", list.append("</ul></div>").toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        store = new ObservationStore(jdbi);
        siteId = jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-a', '单位a', 'DEPARTMENT', 'X')");
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                    + "('" + server.uri("/") + "', '单位a', 'DEPARTMENT', 'dept-a') RETURNING id").mapTo(Long.class).one();
        });
    }

    private static void page(String path, String body) {
        byte[] html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>站点</title></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        server.route(path, (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", html));
    }

    /** The shipped sections.yml with the news window set to {@code days}. */
    private static SectionCatalog sections(int days) {
        return SectionCatalog.parse(sectionsText.replaceFirst("    windowDays: 14\n", "    windowDays: " + days + "\n"),
                "sections.yml");
    }

    private static SiteMeasurement measure(SectionCatalog sections) {
        CrawlSettings settings = CrawlSettings.parse("""
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 2000
                deadlineMs: 4000
                robotsCacheTtl: 1h
                """).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8"))));
        try (MeasurementEngine engine = new MeasurementEngine(settings, sections)) {
            return engine.measure(server.uri("/"), SiteKind.DEPARTMENT, NOW);
        }
    }

    private static SiteMeasurement.Section news(SiteMeasurement m) {
        return m.sections().stream().filter(s -> s.family().equals("news")).findFirst().orElseThrow();
    }

    /** Saves the measurement and reads it back as scoring does. */
    private SiteMeasurement storedAndReadForScoring(SiteMeasurement m) {
        store.save("task-" + System.nanoTime(), siteId, m, Instant.parse("2024-05-20T02:00:00Z"));
        return store.latestOnOrBefore(NOW, ObservationStore.Detail.FOR_SCORING).get(siteId).measurement();
    }

    private static IndicatorResult updateVolume(SiteMeasurement m, int windowDays) {
        IndicatorCatalogue catalogue = IndicatorCatalogue.parse(indicatorsText, "indicators.yml", sections(windowDays));
        UnitScore score = ScoreCalculator.score(ScoringFixtures.withMeasurement(ScoringFixtures.healthy("a"), m),
                catalogue, NOW);
        return ScoringFixtures.indicator(score, "update_volume");
    }

    @Test
    void score_windowChangedAfterTheCrawl_countsWithTheWindowOfScoreTime() {
        SiteMeasurement crawledWith14 = measure(sections(14));
        assertThat(news(crawledWith14).itemsInWindow()).as("the crawl's own count").isEqualTo(15);
        assertThat(news(crawledWith14).entryDates()).as("the dates kept for scoring").hasSize(ITEMS);

        IndicatorResult result = updateVolume(storedAndReadForScoring(crawledWith14), 7);

        // 8 items within 7 days, × 30 / 7: not the crawl's 15 divided by the new window (64.29).
        assertThat(result.observed()).isEqualTo("政务动态类栏目每 30 天约 34.29 条");
        assertThat(result).isEqualTo(updateVolume(measure(sections(7)), 7));
    }

    @Test
    void score_sectionStoredWithoutEntryDates_fallsBackToTheCrawlsCount() {
        storedAndReadForScoring(measure(sections(14)));
        // What a section stored before entry dates were kept looks like.
        jdbi.useHandle(h -> h.execute("UPDATE measurement_sections SET entry_dates = NULL"));
        SiteMeasurement old = store.latestOnOrBefore(NOW, ObservationStore.Detail.FOR_SCORING).get(siteId)
                .measurement();
        assertThat(news(old).entryDates()).isNull();

        // Unchanged window: exactly as scored before (15 × 30 / 14); a changed one still divides the crawl's count.
        assertThat(updateVolume(old, 14).observed()).isEqualTo("政务动态类栏目每 30 天约 32.14 条");
        assertThat(updateVolume(old, 14)).isEqualTo(updateVolume(measure(sections(14)), 14));
        assertThat(updateVolume(old, 7).observed()).isEqualTo("政务动态类栏目每 30 天约 64.29 条");
    }
}
