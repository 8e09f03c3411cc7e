package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.InspectionRules;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.inspect.SiteContext;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The wording checks through the whole engine, on a county site served on 127.0.0.1: the homepage, its 新闻中心 list
 * and two articles (2025 UTF-8, 2017 GBK), with the unit's leaders from the registry as the crawl worker passes them.
 */
class MeasureWordingChecksTest {

    private static final LocalDate NOW = LocalDate.of(2025, 4, 15);
    private static HostileServer server;
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() throws IOException {
        server = HostileServer.start();
        serve("/", "portal-county-trs.html", "text/html; charset=utf-8");
        serve("/xwzx/", "list-news-trs.html", "text/html; charset=utf-8");
        serve("/xwzx/202504/t20250411_100.html", "article-2025-hanweb.html", "text/html; charset=utf-8");
        serve("/xwzx/201703/t20170308_12.html", "article-2017-gbk.html", "text/html");
        engine = MeasurementEngine.withChecks(MeasureTestSupport.localSettings(), null, CrawlerFiles.defaultCatalog(),
                SiteChecks.of(InspectionRules.load(Path.of("crawlers/checks.yml"))));
    }

    private static void serve(String path, String fixture, String contentType) throws IOException {
        byte[] body;
        try (InputStream in = MeasureWordingChecksTest.class.getResourceAsStream("/pages/checks/wording/" + fixture)) {
            body = in.readAllBytes();
        }
        server.route(path, (r, s, out) -> HostileServer.respond(out, 200, contentType, body));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    private static org.egovmonitor.crawler.inspect.CheckResult check(SiteMeasurement m, String id) {
        return m.check(id).orElseThrow(() -> new AssertionError("no check " + id + " in " + m.checks()));
    }

    @Test
    void measure_countySiteWithErrors_wordingChecksInTheMeasurement() {
        SiteMeasurement m = engine.measure(server.uri("/"), SiteKind.COUNTY, NOW, new SiteContext("青山县人民政府",
                List.of(new SiteContext.Leader("张华", "县委副书记、县长"), new SiteContext.Leader("王强", "副县长"))));
        String article = server.uri("/xwzx/202504/t20250411_100.html").toString();
        String old = server.uri("/xwzx/201703/t20170308_12.html").toString();

        assertThat(m.reachable()).isTrue();
        assertThat(check(m, "misusedWords").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(m, "misusedWords").problems()).extracting(CheckProblem::url, CheckProblem::excerpt)
                .contains(tuple(article, "再接再励"), tuple(old, "一如继往"));
        // The 2017 GBK article's 国土资源局 was the body's name then; the 2025 article's 环境保护局 is outdated.
        assertThat(check(m, "outdatedNames").problems()).extracting(CheckProblem::url, CheckProblem::excerpt)
                .containsExactly(tuple(m.finalUrl(), "国土资源局"), tuple(article, "环境保护局"));
        assertThat(check(m, "sensitiveWords").problems()).extracting(CheckProblem::excerpt)
                .containsExactly("真人娱乐", "百家乐");
        assertThat(check(m, "leaderNames").problems()).extracting(CheckProblem::excerpt, CheckProblem::correction)
                .containsExactly(tuple("县长王强", "应为：副县长王强"));
        assertThat(check(m, "leaderNames").summary()).contains("首页及文章 2 篇");
    }

    @Test
    void measure_noRegistryFacts_leaderCheckNotChecked() {
        SiteMeasurement m = engine.measure(server.uri("/"), SiteKind.COUNTY, NOW);

        assertThat(check(m, "leaderNames").outcome()).isEqualTo(CheckOutcome.NOT_CHECKED);
    }
}
