package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.InspectionRules;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine runs the service-guide check on a small county site served on 127.0.0.1: a 办事指南 list whose entries are
 * guides (a TRS table, a GB2312 【label】 page, one missing two elements), a Word file, and a 法人办事 sub-list read one
 * level down.
 */
class MeasureServiceGuidesTest {

    private static HostileServer site;
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() throws IOException {
        site = HostileServer.start();
        serve("/", "site-home.html", "text/html; charset=utf-8");
        serve("/zwfw/bszn/", "site-guide-list.html", "text/html; charset=utf-8");
        serve("/zwfw/bszn/202403/t20240312_301.html", "guide-table-trs.html", "text/html");
        serve("/zwfw/bszn/202402/t20240226_298.html", "guide-labels-2003-gbk.html", "text/html");
        serve("/zwfw/bszn/202401/t20240115_290.html", "guide-incomplete-trs.html", "text/html");
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        site.route("/zwfw/bszn/P020231206_canjiren.doc",
                (r, s, out) -> HostileServer.respond(out, 200, "application/msword", doc));
        serve("/zwfw/bszn/frbs/", "site-guide-index.html", "text/html; charset=utf-8");
        serve("/zwfw/bszn/frbs/202311/t20231120_270.html", "guide-headings-modern.html", "text/html");
        serve("/zwfw/bszn/frbs/202311/t20231118_268.html", "notice-running-text.html", "text/html");
        SiteChecks guides = new SiteChecks(InspectionRules.load(Path.of("crawlers/checks.yml")).checks().stream()
                .filter(c -> c.id().equals("serviceGuides")).toList(), 16);
        engine = MeasurementEngine.withChecks(MeasureTestSupport.localSettings(), null,
                CrawlerFiles.defaultCatalog(), guides);
    }

    private static void serve(String path, String fixture, String contentType) throws IOException {
        byte[] body;
        try (InputStream in = MeasureServiceGuidesTest.class.getResourceAsStream("/pages/checks/guides/" + fixture)) {
            body = in.readAllBytes();
        }
        site.route(path, (r, s, out) -> HostileServer.respond(out, 200, contentType, body));
    }

    @AfterAll
    static void stop() {
        engine.close();
        site.close();
    }

    @Test
    void measure_countySite_guidesSampledAndIncompleteOnesReported() {
        SiteMeasurement m = engine.measure(site.uri("/"), SiteKind.COUNTY, LocalDate.of(2024, 5, 20));
        String h = "http://127.0.0.1:" + site.port() + "/zwfw/bszn/";

        CheckResult r = m.check("serviceGuides").orElseThrow();
        assertThat(r.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.summary()).isEqualTo("抽查办事指南 5 篇，要素齐全 3 篇（60%）；另有 1 个页面无法读取或不是网页，已跳过");
        assertThat(r.metrics()).containsEntry("guidesSampled", 5.0).containsEntry("guidesComplete", 3.0)
                .containsEntry("guidesSkipped", 1.0);
        assertThat(r.problems()).extracting(CheckProblem::url, CheckProblem::correction).containsExactly(
                tuple(h + "202401/t20240115_290.html", "补充：设定依据、收费标准"),
                tuple(h + "frbs/202311/t20231118_268.html",
                        "补充：事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程、收费标准、办理时限"));
        assertThat(r.problems().get(0).message())
                .isEqualTo("办事指南《城乡居民最低生活保障审批办事指南》缺少 2 项要素：设定依据、收费标准");
        // every page the check read is a CHECK fetch of the site's evidence; the pager and the third guide are not read
        List<String> checked = m.fetches().stream().filter(f -> f.purpose().equals("CHECK"))
                .map(SiteMeasurement.Fetch::url).toList();
        assertThat(checked).containsExactly(h + "202403/t20240312_301.html", h + "202402/t20240226_298.html",
                h + "202401/t20240115_290.html", h + "P020231206_canjiren.doc", h + "frbs/",
                h + "frbs/202311/t20231120_270.html", h + "frbs/202311/t20231118_268.html");
    }
}
