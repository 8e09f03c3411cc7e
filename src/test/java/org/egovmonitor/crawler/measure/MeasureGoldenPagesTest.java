package org.egovmonitor.crawler.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on the hand-written pages of src/test/resources/pages, served by a local server. */
class MeasureGoldenPagesTest {

    private static HostileServer server;
    private static MeasurementEngine engine;

    @BeforeAll
    static void start() throws IOException {
        server = HostileServer.start();
        byte[] portal = fixture("portal-modern-utf8.html");
        byte[] notices = fixture("list-yearless-paging.html");
        byte[] blank = fixture("list-blank.html");
        server.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", portal));
        server.route("/tzgg/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", notices));
        server.route("/xxgk/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", blank));
        engine = new MeasurementEngine(MeasureTestSupport.localSettings(), CrawlerFiles.defaultCatalog());
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MeasureGoldenPagesTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void measure_modernPortal_sectionsHomepageAndBrokenLinks() {
        SiteMeasurement m = engine.measure(server.uri("/"), SiteKind.COUNTY, LocalDate.of(2024, 5, 20));
        String h = "http://127.0.0.1:" + server.port();
        assertThat(m.reachable()).isTrue();
        assertThat(m.charset()).isEqualTo("UTF-8");
        assertThat(m.sections()).extracting(Section::family, Section::title, Section::url).containsExactly(
                tuple("open_gov", "信息公开", h + "/xxgk/"),
                tuple("news", "政务动态", h + "/zwdt/"),
                tuple("online_service", "网上办事", h + "/zwfw/"),
                tuple("forum", "互动交流", h + "/hdjl/"),
                tuple("overview", "走进青阳", h + "/zjqy/"),
                tuple("notices", "通知公告", h + "/tzgg/"),
                tuple("policy", "政策文件", h + "/xxgk/zfwj/"),
                tuple("service_guide", "办事指南", h + "/zwfw/bszn/"),
                tuple("downloads", "表格下载", h + "/zwfw/bgxz/"),
                tuple("mailbox", "县长信箱", h + "/hdjl/xzxx/"),
                tuple("interviews", "在线访谈", h + "/hdjl/zxft/"),
                tuple("surveys", "民意征集", h + "/hdjl/myzj/"));
        assertThat(m.missingFamilies()).containsExactly("org_info");
        Section notices = m.sections().get(5);
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.items()).isEqualTo(12);
        // Only year-less dates and no full date to give a year: the latest such day not after now.
        assertThat(notices.newestDate()).isEqualTo(LocalDate.of(2024, 1, 8));
        Section openGov = m.sections().get(0);
        assertThat(openGov.blank()).isTrue();
        assertThat(m.sections().get(1).status()).isEqualTo(404);
        assertThat(m.sections().get(1).blank()).isFalse();
        assertThat(m.homepage()).extracting(SiteMeasurement.Homepage::newestDate, SiteMeasurement.Homepage::datedItems,
                SiteMeasurement.Homepage::navOnly).containsExactly(LocalDate.of(2024, 5, 18), 6, false);
        assertThat(m.brokenLinks()).extracting(SiteMeasurement.BrokenLink::url).contains(h + "/zwdt/")
                .doesNotContain(h + "/", h + "/tzgg/");
        assertThat(m.pagesFetched()).isEqualTo(13);
        assertThat(m.fetches()).hasSize(13).first().extracting(SiteMeasurement.Fetch::purpose).isEqualTo("HOMEPAGE");
        assertThat(m.errors()).extracting(SiteMeasurement.CrawlError::kind).containsOnly("HTTP_ERROR").hasSize(10);
        assertThat(m.contentHash()).hasSize(64);
    }
}
