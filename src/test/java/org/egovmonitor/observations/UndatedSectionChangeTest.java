package org.egovmonitor.observations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.testing.hostile.HostileServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Change without dates: a site on 127.0.0.1 whose 办事指南 list shows no dates, measured and stored round after round.
 * The same list (even reordered) keeps the section's unchangedSince; a changed list moves it to the round's day; a
 * round whose list could not be read does not reset it.
 */
class UndatedSectionChangeTest {

    private static final LocalDate D = LocalDate.of(2025, 4, 1);

    private static final String HOME = """
            <html><head><meta charset="utf-8"><title>某县人民政府</title></head><body>
            <div class="nav"><a href="/">首页</a> <a href="/bszn/">办事指南</a> <a href="/tzgg/">通知公告</a></div>
            <p>欢迎访问某县人民政府网站。</p></body></html>
            """;
    private static final List<String> GUIDES = List.of("居民身份证申领办事指南", "城乡居民养老保险参保登记指南",
            "个体工商户设立登记办事指南", "建设工程规划许可证核发指南", "最低生活保障申请办事指南");

    private static String list(List<String> titles) {
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>办事指南</title></head><body>"
                + "<div class=\"list\"><ul>\n");
        for (String t : titles) {
            b.append("<li><a href=\"/bszn/").append(Math.abs(t.hashCode())).append(".html\">").append(t)
                    .append("</a></li>\n");
        }
        return b.append("</ul></div></body></html>").toString();
    }

    @Test
    void store_undatedList_unchangedSinceKeptWhileSameMovedWhenChanged() throws Exception {
        Jdbi jdbi = TestPostgres.newDatabase().jdbi();
        ObservationStore store = new ObservationStore(jdbi);
        long siteId = jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('mx', '某县', 'COUNTY', 'X')");
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                    + "('http://127.0.0.1/', '某县人民政府', 'COUNTY', 'mx') RETURNING id").mapTo(Long.class).one();
        });
        AtomicReference<String> guides = new AtomicReference<>(list(GUIDES));
        AtomicReference<Integer> guideStatus = new AtomicReference<>(200);
        CrawlSettings settings = CrawlSettings.parse("""
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 2000
                deadlineMs: 4000
                maxLinkChecksPerSite: 0
                """).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8"))));
        try (HostileServer site = HostileServer.start();
             MeasurementEngine engine = new MeasurementEngine(settings, CrawlerFiles.defaultCatalog())) {
            site.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    HOME.getBytes(StandardCharsets.UTF_8)));
            site.route("/bszn/", (r, s, out) -> HostileServer.respond(out, guideStatus.get(),
                    "text/html; charset=utf-8", guides.get().getBytes(StandardCharsets.UTF_8)));
            int[] round = {0};
            java.util.function.Function<LocalDate, Section> measureAndStore = day -> {
                SiteMeasurement m = engine.measure(site.uri("/"), SiteKind.COUNTY, day);
                store.save("round-" + round[0]++, siteId, m, day.atTime(2, 0).toInstant(ZoneOffset.UTC));
                return store.latest(siteId).orElseThrow().measurement().sections().stream()
                        .filter(s -> s.url().endsWith("/bszn/")).findFirst().orElseThrow();
            };

            Section first = measureAndStore.apply(D);
            assertThat(first.newestDate()).isNull();
            assertThat(first.items()).isEqualTo(GUIDES.size());
            assertThat(first.listHash()).hasSize(64);
            assertThat(first.unchangedSince()).isEqualTo(D);

            // Same list, shown in another order: unchanged.
            List<String> reordered = new java.util.ArrayList<>(GUIDES);
            java.util.Collections.reverse(reordered);
            guides.set(list(reordered));
            Section same = measureAndStore.apply(D.plusDays(10));
            assertThat(same.listHash()).isEqualTo(first.listHash());
            assertThat(same.unchangedSince()).isEqualTo(D);

            // The list cannot be read one round: no hash, and the run is not reset by it.
            guideStatus.set(500);
            Section unread = measureAndStore.apply(D.plusDays(15));
            assertThat(unread.listHash()).isNull();
            assertThat(unread.unchangedSince()).isNull();
            guideStatus.set(200);
            assertThat(measureAndStore.apply(D.plusDays(20)).unchangedSince()).isEqualTo(D);

            // A guide added: changed, the run starts again on this round's day.
            guides.set(list(List.of("不动产登记办事指南", GUIDES.get(0), GUIDES.get(1), GUIDES.get(2), GUIDES.get(3),
                    GUIDES.get(4))));
            Section changed = measureAndStore.apply(D.plusDays(30));
            assertThat(changed.listHash()).isNotEqualTo(first.listHash());
            assertThat(changed.unchangedSince()).isEqualTo(D.plusDays(30));
            assertThat(measureAndStore.apply(D.plusDays(45)).unchangedSince()).isEqualTo(D.plusDays(30));
        }
    }
}
