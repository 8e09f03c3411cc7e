package org.egovmonitor.crawler.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
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

/**
 * The content-safety checks run by the engine on sites served on 127.0.0.1 (the golden pages of
 * pages/checks/safety as homepages) and reported in {@link SiteMeasurement#checks()}. No link checks: the pages'
 * foreign links name hosts that must not be looked up from a test.
 */
class MeasureSafetyChecksTest {

    private static HostileServer hacked;
    private static HostileServer tourism;
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() throws IOException {
        hacked = HostileServer.start();
        byte[] home = fixture("hacked-county-trs-gbk.html");
        hacked.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", home));
        tourism = HostileServer.start();
        byte[] asp = fixture("foreign-nav-asp-gbk.html");
        tourism.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", asp));
        engine = MeasurementEngine.withChecks(MeasureTestSupport.localSettings("maxLinkChecksPerSite: 0\n"), null,
                CrawlerFiles.defaultCatalog(), SiteChecks.of(InspectionRules.load(Path.of("crawlers", "checks.yml"))));
    }

    @AfterAll
    static void stop() {
        engine.close();
        hacked.close();
        tourism.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MeasureSafetyChecksTest.class.getResourceAsStream("/pages/checks/safety/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void measure_hackedCounty_hiddenGamblingLinksFoundOthersClean() {
        SiteMeasurement m = engine.measure(hacked.uri("/"), SiteKind.COUNTY, LocalDate.of(2024, 4, 15));
        assertThat(m.reachable()).isTrue();
        CheckResult hidden = m.check("hiddenLinks").orElseThrow();
        assertThat(hidden.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(hidden.problems()).extracting(CheckProblem::excerpt)
                .containsExactly("澳门新葡京", "皇冠体育投注", "金沙娱乐城", "bet365体育在线", "百家乐技巧");
        assertThat(hidden.problems()).allSatisfy(p -> assertThat(p.url()).isEqualTo(hacked.uri("/").toString()));
        assertThat(m.check("navigationLinks").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(m.check("thirdPartyScripts").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void measure_tourismBureau_foreignNavigationAndScriptsFound() {
        SiteMeasurement m = engine.measure(tourism.uri("/"), SiteKind.DEPARTMENT, LocalDate.of(2024, 4, 15));
        assertThat(m.check("navigationLinks").orElseThrow().problems()).extracting(CheckProblem::excerpt)
                .containsExactly("官方微博", "特产商城");
        assertThat(m.check("thirdPartyScripts").orElseThrow().problems()).extracting(CheckProblem::excerpt)
                .containsExactly("http://js.users.51.la/19876543.js", "http://www.ssc-bet.cc/js/jump.js");
        assertThat(m.check("hiddenLinks").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }
}
