package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.classify.SectionDecision;
import org.egovmonitor.crawler.classify.SectionRule;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Homepages that only lead to the real one (src/test/resources/pages/entry-*.html), measured end to end: each wraps
 * the modern portal of {@link MeasureGoldenPagesTest}, served at {@code /index.html}, and the measurement must be the
 * portal's, reached through ENTRY fetches.
 */
class MeasureEntryPagesTest {

    private static final LocalDate NOW = LocalDate.of(2024, 5, 20);
    private static final List<HostileServer> SERVERS = new ArrayList<>();
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() {
        engine = new MeasurementEngine(MeasureTestSupport.localSettings(), CrawlerFiles.defaultCatalog());
    }

    @AfterAll
    static void stop() {
        engine.close();
        SERVERS.forEach(HostileServer::close);
    }

    /** A site whose {@code /} is {@code wrapper} and whose real homepage is the modern portal at /index.html. */
    private static HostileServer site(String wrapper) throws IOException {
        HostileServer s = HostileServer.start();
        SERVERS.add(s);
        serve(s, "/", fixture(wrapper));
        serve(s, "/index.html", fixture("portal-modern-utf8.html"));
        serve(s, "/tzgg/", fixture("list-yearless-paging.html"));
        serve(s, "/xxgk/", fixture("list-blank.html"));
        serve(s, "/top.html", fixture("entry-frame-top.html"));
        return s;
    }

    private static void serve(HostileServer s, String path, byte[] body) {
        s.route(path, (r, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", body));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MeasureEntryPagesTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of("entry-meta-refresh.html"),
                Arguments.of("entry-script-redirect.html"),
                Arguments.of("entry-frameset.html"),
                Arguments.of("entry-iframe.html"),
                Arguments.of("entry-splash.html"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void measure_wrappedHomepage_realHomepageMeasured(String wrapper) throws IOException {
        HostileServer s = site(wrapper);
        String h = "http://127.0.0.1:" + s.port();

        SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

        assertThat(m.reachable()).isTrue();
        assertThat(m.url()).isEqualTo(h + "/");
        assertThat(m.finalUrl()).isEqualTo(h + "/index.html");
        assertThat(m.fetches()).extracting(Fetch::url, Fetch::purpose).startsWith(
                tuple(h + "/", "HOMEPAGE"), tuple(h + "/index.html", "ENTRY"));
        // The portal's sections and freshness, as MeasureGoldenPagesTest measures them on the portal itself.
        assertThat(m.sections()).extracting(Section::family).contains("open_gov", "news", "notices", "policy",
                "mailbox");
        Section notices = m.sections().stream().filter(x -> x.family().equals("notices")).findFirst().orElseThrow();
        assertThat(notices.url()).isEqualTo(h + "/tzgg/");
        assertThat(notices.newestDate()).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(m.homepage().newestDate()).isEqualTo(LocalDate.of(2024, 5, 18));
        assertThat(m.homepage().navOnly()).isFalse();

        // measure --explain reads the same page.
        SectionExplanation e = engine.explain(s.uri("/"), SiteKind.COUNTY, NOW);
        assertThat(e.finalUrl()).isEqualTo(h + "/index.html");
        assertThat(e.decisions()).filteredOn(SectionDecision::taken).extracting(d -> d.link().url())
                .contains(h + "/tzgg/", h + "/xxgk/");
    }

    @Test
    void measure_frameset_topFrameLinksMergedAndMarked() throws IOException {
        HostileServer s = site("entry-frameset.html");
        String h = "http://127.0.0.1:" + s.port();

        SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

        // 领导之窗 is only in the top navigation frame: the portal alone misses org_info.
        assertThat(m.missingFamilies()).doesNotContain("org_info");
        assertThat(m.sections()).extracting(Section::family, Section::url).contains(tuple("org_info", h + "/ldzc/"));
        assertThat(m.fetches()).extracting(Fetch::url, Fetch::purpose).containsSubsequence(
                tuple(h + "/", "HOMEPAGE"), tuple(h + "/index.html", "ENTRY"), tuple(h + "/top.html", "ENTRY"));
        SectionExplanation e = engine.explain(s.uri("/"), SiteKind.COUNTY, NOW);
        assertThat(e.decisions()).filteredOn(d -> d.link().url().equals(h + "/ldzc/"))
                .extracting(SectionDecision::rule).containsExactly(SectionRule.FRAME);
    }

    @Nested
    class Bounds {

        private static String refreshTo(String url) {
            return "<html><head><meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"></head><body></body></html>";
        }

        private HostileServer chain() throws IOException {
            HostileServer s = HostileServer.start();
            SERVERS.add(s);
            return s;
        }

        @Test
        void measure_redirectLoop_stopsAtThePageSeenTwice() throws IOException {
            HostileServer s = chain();
            serve(s, "/", refreshTo("/a.html").getBytes(StandardCharsets.UTF_8));
            serve(s, "/a.html", refreshTo("/").getBytes(StandardCharsets.UTF_8));

            SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

            assertThat(m.reachable()).isTrue();
            assertThat(m.fetches()).extracting(Fetch::purpose).startsWith("HOMEPAGE", "ENTRY");
            assertThat(s.requestCount("/")).isEqualTo(1);
            assertThat(s.requestCount("/a.html")).isEqualTo(1);
        }

        @Test
        void measure_longChain_atMostThreeHops() throws IOException {
            HostileServer s = chain();
            serve(s, "/", refreshTo("/h1.html").getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 6; i++) {
                serve(s, "/h" + i + ".html", refreshTo("/h" + (i + 1) + ".html").getBytes(StandardCharsets.UTF_8));
            }

            SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

            assertThat(m.fetches()).filteredOn(f -> f.purpose().equals("ENTRY")).hasSize(3);
            assertThat(m.finalUrl()).isEqualTo(s.uri("/h3.html").toString());
            assertThat(s.requestCount("/h4.html")).isZero();
        }

        @Test
        void measure_redirectToAnotherSite_findingNotFollowed() throws IOException {
            HostileServer s = chain();
            serve(s, "/", refreshTo("http://www.another-site.example/").getBytes(StandardCharsets.UTF_8));

            SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

            assertThat(m.reachable()).isTrue();
            assertThat(m.finalUrl()).isEqualTo(s.uri("/").toString());
            assertThat(m.fetches()).extracting(Fetch::purpose).containsExactly("HOMEPAGE");
            assertThat(m.errors()).extracting(SiteMeasurement.CrawlError::url, SiteMeasurement.CrawlError::kind)
                    .contains(tuple("http://www.another-site.example/", "EXTERNAL_REDIRECT"));
        }

        @Test
        void measure_entryTargetGone_wrapperMeasuredHopRecorded() throws IOException {
            HostileServer s = chain();
            serve(s, "/", refreshTo("/gone.html").getBytes(StandardCharsets.UTF_8));

            SiteMeasurement m = engine.measure(s.uri("/"), SiteKind.COUNTY, NOW);

            assertThat(m.reachable()).isTrue();
            assertThat(m.finalUrl()).isEqualTo(s.uri("/").toString());
            assertThat(m.fetches()).extracting(Fetch::purpose, Fetch::status, Fetch::errorKind)
                    .containsExactly(tuple("HOMEPAGE", 200, null), tuple("ENTRY", 404, "HTTP_ERROR"));
        }
    }
}
