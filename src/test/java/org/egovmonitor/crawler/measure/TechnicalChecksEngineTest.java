package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technical checks run by the engine on sites served on 127.0.0.1: the search form is submitted and the soft-404
 * probe sent over HTTP as CHECK fetches, and every result lands in {@link SiteMeasurement#checks()}.
 */
class TechnicalChecksEngineTest {

    private static final LocalDate NOW = LocalDate.of(2024, 4, 20);
    /** The homepage-and-probe checks (https and ipv6 have their own tests). */
    /** The checks judge the homepage and their own probes: no section pages, no link checks (fast). */
    private static final String HOMEPAGE_ONLY = "maxDepth: 0\nmaxLinkChecksPerSite: 0\n";
    private static final Set<String> PAGE_CHECKS = Set.of("viewport", "siteSearch", "soft404", "siteCode", "icp",
            "publicSecurity", "govMark");
    private static final List<HostileServer> SERVERS = new ArrayList<>();
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() {
        CrawlerFiles files = CrawlerFiles.load(null);
        SiteChecks checks = new SiteChecks(files.checks().checks().stream()
                .filter(c -> PAGE_CHECKS.contains(c.id())).toList(), files.checks().maxCheckPagesPerSite());
        engine = MeasurementEngine.withChecks(MeasureTestSupport.localSettings(HOMEPAGE_ONLY), null, CrawlerFiles.defaultCatalog(),
                checks);
    }

    @AfterAll
    static void stop() {
        engine.close();
        SERVERS.forEach(HostileServer::close);
    }

    @Test
    void trsCountySite_searchAnswersAndMissingPageIs404_everyCheckPassesButViewport() throws IOException {
        HostileServer s = server();
        byte[] home = fixture("trs-county-gbk.html");
        s.route("/", (r, sock, out) -> HostileServer.respond(out, 200, "text/html", home));
        s.route("/was5/web/search", (r, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                "<html><head><title>检索结果</title></head><body>共找到 12 条结果</body></html>"));

        SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

        assertThat(outcome(m, "siteSearch")).isEqualTo(CheckOutcome.PASSED);
        assertThat(outcome(m, "soft404")).isEqualTo(CheckOutcome.PASSED);
        assertThat(m.check("soft404").orElseThrow().metrics()).containsEntry("status", 404.0);
        for (String id : List.of("siteCode", "icp", "publicSecurity", "govMark")) {
            assertThat(outcome(m, id)).as(id).isEqualTo(CheckOutcome.PASSED);
        }
        assertThat(outcome(m, "viewport")).isEqualTo(CheckOutcome.FAILED);
        HostileServer.Request search = s.requests().stream().filter(r -> r.path().equals("/was5/web/search"))
                .findFirst().orElseThrow();
        String query = URLDecoder.decode(search.query(), StandardCharsets.UTF_8);
        assertThat(query).contains("channelid=255403").contains("searchword=政务公开");
        assertThat(m.fetches()).filteredOn(f -> f.purpose().equals("CHECK")).extracting(SiteMeasurement.Fetch::status)
                .containsExactlyInAnyOrder(200, 404);
    }

    @Test
    void townshipSite_anyPathAnswersTheHomepage_isSoft404_andHasNoSearch() throws IOException {
        HostileServer s = server();
        byte[] home = fixture("asp-township-gbk.html");
        s.route("/", (r, sock, out) -> HostileServer.respond(out, 200, "text/html", home));
        s.otherwise((r, sock, out) -> HostileServer.respond(out, 200, "text/html", home));

        SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.TOWNSHIP_PAGE, NOW);

        CheckProblem soft = problem(m, "soft404");
        assertThat(soft.code()).isEqualTo("soft_404");
        assertThat(soft.url()).startsWith(s.uri("/egov-monitor-check-").toString()).endsWith(".html");
        assertThat(soft.message()).contains("HTTP 200").contains("香隅镇人民政府");
        assertThat(problem(m, "siteSearch").code()).isEqualTo("search_missing");
        for (String id : List.of("siteCode", "icp", "publicSecurity", "govMark", "viewport")) {
            assertThat(outcome(m, id)).as(id).isEqualTo(CheckOutcome.FAILED);
        }
    }

    @Test
    void hanwebSite_searchTargetMissing_isBroken_andErrorPageAnswering200_isNoSoft404() throws IOException {
        HostileServer s = server();
        byte[] home = fixture("hanweb-search-form-utf8.html");
        byte[] error = fixture("error-page-200-utf8.html");
        s.route("/", (r, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", home));
        s.otherwise((r, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", error));
        s.route("/jrobot/search.do", (r, sock, out) -> HostileServer.respond(out, 500, "text/html",
                "<h1>500 Internal Server Error</h1>"));

        SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.DEPARTMENT, NOW);

        CheckProblem broken = problem(m, "siteSearch");
        assertThat(broken.code()).isEqualTo("search_broken");
        assertThat(broken.message()).contains("HTTP 500");
        assertThat(broken.url()).startsWith(s.uri("/jrobot/search.do?").toString()).contains("webid=12");
        CheckResult soft = m.check("soft404").orElseThrow();
        assertThat(soft.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(soft.summary()).contains("HTTP 200").contains("不存在");
        assertThat(outcome(m, "viewport")).isEqualTo(CheckOutcome.PASSED);
        assertThat(outcome(m, "govMark")).isEqualTo(CheckOutcome.PASSED);
        assertThat(outcome(m, "publicSecurity")).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void missingPathRedirectedToTheHomepage_isSoft404() throws IOException {
        HostileServer s = server();
        byte[] home = fixture("hanweb-search-form-utf8.html");
        s.route("/", (r, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", home));
        s.otherwise((r, sock, out) -> HostileServer.redirect(out, 302, "/"));

        SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.DEPARTMENT, NOW);

        CheckProblem soft = problem(m, "soft404");
        assertThat(soft.code()).isEqualTo("soft_404");
        assertThat(soft.message()).contains("跳转至 " + s.uri("/"));
    }

    private static HostileServer server() throws IOException {
        HostileServer s = HostileServer.start();
        SERVERS.add(s);
        return s;
    }

    private static CheckOutcome outcome(SiteMeasurement m, String id) {
        return m.check(id).orElseThrow(() -> new AssertionError("no result of " + id)).outcome();
    }

    private static CheckProblem problem(SiteMeasurement m, String id) {
        CheckResult r = m.check(id).orElseThrow(() -> new AssertionError("no result of " + id));
        assertThat(r.outcome()).as(r.summary()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TechnicalChecksEngineTest.class.getResourceAsStream("/pages/checks/technical/" + name)) {
            return in.readAllBytes();
        }
    }
}
