package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile sites through the whole engine: each ends bounded, with an error kind, and leaves no threads behind. */
class MeasureHostileTest {

    private static final LocalDate NOW = LocalDate.of(2025, 4, 15);

    private HostileServer server;
    private MeasurementEngine engine;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void setUp() throws IOException {
        threadsBefore = Thread.getAllStackTraces().keySet();
        server = HostileServer.start();
        engine = engine(MeasureTestSupport.localSettings("maxLinkChecksPerSite: 50\nmaxPagesPerSite: 10\n"));
    }

    private static MeasurementEngine engine(CrawlSettings settings) {
        return new MeasurementEngine(settings, CrawlerFiles.defaultCatalog());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
        server.close();
        // No engine thread survives close().
        Await.threadsEnded("closing the engine", Duration.ofSeconds(10),
                t -> !threadsBefore.contains(t) && t.getName().startsWith("egov-"));
    }

    /**
     * No wall-clock bar here (speed is a benchmark's business, and a loaded CI machine is no measure of it): the
     * engine's own per-fetch deadlines and page budget bound a measurement, and the assertions on what was fetched
     * show it; {@code assertTimeoutPreemptively} only stops a hang from stalling the suite.
     */
    private SiteMeasurement measure(String path) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(5),
                () -> engine.measure(server.uri(path), SiteKind.COUNTY, NOW));
    }

    private static void assertUnreachable(SiteMeasurement m, String errorKind) {
        assertThat(m.reachable()).isFalse();
        assertThat(m.errorKind()).isEqualTo(errorKind);
        assertThat(m.errors()).extracting(SiteMeasurement.CrawlError::kind).contains(errorKind);
        assertThat(m.sections()).isEmpty();
    }

    @Nested
    class Unreachable {

        @Test
        void measure_drippingServer_deadlineExceeded() {
            assertUnreachable(measure("/drip"), "DEADLINE_EXCEEDED");
        }

        @Test
        void measure_drippingBody_deadlineExceeded() {
            assertUnreachable(measure("/drip-body"), "DEADLINE_EXCEEDED");
        }

        @Test
        void measure_redirectLoop_redirectLoop() {
            assertUnreachable(measure("/loop/a"), "REDIRECT_LOOP");
        }

        @Test
        void measure_hugeBody_tooLarge() {
            assertUnreachable(measure("/huge"), "TOO_LARGE");
        }

        @Test
        void measure_gzipBomb_decompressionBomb() {
            assertUnreachable(measure("/bomb"), "DECOMPRESSION_BOMB");
        }

        @Test
        void measure_connectionReset_connectionReset() {
            assertUnreachable(measure("/reset"), "CONNECTION_RESET");
        }

        @Test
        void measure_neverAnswers_timesOut() {
            SiteMeasurement m = measure("/silent");
            assertThat(m.reachable()).isFalse();
            assertThat(m.errorKind()).isIn("READ_TIMEOUT", "DEADLINE_EXCEEDED");
        }

        @Test
        void measure_http500_httpErrorWithStatus() {
            SiteMeasurement m = measure("/status/500");
            assertUnreachable(m, "HTTP_ERROR");
            assertThat(m.status()).isEqualTo(500);
        }

        @Test
        void measure_robotsDisallowAll_robotsDisallowed() {
            server.robots("User-agent: *\nDisallow: /\n");
            assertUnreachable(measure("/ok"), "ROBOTS_DISALLOWED");
        }

        @Test
        void measure_binaryAsHtml_notHtml() {
            assertUnreachable(measure("/binary"), "NOT_HTML");
        }

        @Test
        void measure_redirectToNonAllowListedAddress_blockedAndNeverFetched() throws IOException {
            try (MeasurementEngine strict = engine(CrawlSettings.parse("perHostDelayMs: 0\n")
                    .withFetch(f -> f.withAllowedPrivate(java.util.List.of(org.egovmonitor.platform.CidrRange
                            .parse("127.0.0.1/32")))));
                 HostileServer target = HostileServer.start("127.0.0.2")) {
                URI start = server.uri("/redirect?to=" + java.net.URLEncoder.encode(target.uri("/ok").toString(),
                        StandardCharsets.UTF_8));
                SiteMeasurement m = strict.measure(start, SiteKind.COUNTY, NOW);
                assertUnreachable(m, "BLOCKED_ADDRESS");
                assertThat(target.requestCount()).isZero();
            }
        }
    }

    @Nested
    class Bounded {

        @Test
        void measure_hundredThousandLinks_linkChecksCappedAndResultProduced() {
            StringBuilder page = new StringBuilder("<html><body><ul>");
            for (int i = 0; i < 100_000; i++) {
                page.append("<li><a href=\"/p/").append(i).append("\">条目").append(i).append("</a></li>");
            }
            page.append("</ul></body></html>");
            byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
            server.route("/many", (req, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", body));
            SiteMeasurement m = measure("/many");
            assertThat(m.reachable()).isTrue();
            assertThat(m.linkChecks()).hasSizeLessThanOrEqualTo(50);
            assertThat(m.linksNotChecked()).isGreaterThanOrEqualTo(100_000 - 50);
            assertThat(server.requestCount()).isLessThan(200);
        }

        @Test
        void measure_infiniteCalendar_boundedByPageBudget() {
            // Every calendar page links to the next month and to sections named like columns on each visit.
            server.route("/cal", (req, s, out) -> {
                int n = req.query() == null ? 0 : Integer.parseInt(req.query().replace("m=", ""));
                String html = "<html><body><div class=\"cal\"><a href=\"/cal?m=" + (n + 1) + "\">下月</a>"
                        + "<a href=\"/cal?m=" + (n - 1) + "\">上月</a></div>"
                        + "<a href=\"/cal?m=" + (n + 1) + "&amp;v=news\">政务动态</a>"
                        + "<a href=\"/cal?m=" + (n + 2) + "&amp;v=notice\">通知公告</a></body></html>";
                HostileServer.respond(out, 200, "text/html; charset=utf-8", html);
            });
            SiteMeasurement m = measure("/cal");
            assertThat(m.reachable()).isTrue();
            assertThat(m.pagesFetched()).isLessThanOrEqualTo(10);
            assertThat(server.requestCount("/cal")).isLessThan(20);
        }

        @Test
        void measure_deeplyNestedMarkup_resultProduced() {
            String html = "<html><body>" + "<div>".repeat(20_000) + "<a href=\"/zwdt\">政务动态</a>"
                    + "</div>".repeat(20_000) + "</body></html>";
            server.route("/deep", (req, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", html));
            SiteMeasurement m = measure("/deep");
            assertThat(m.reachable()).isTrue();
        }

        @Test
        void measure_mailboxOfHundredThousandLettersWhosePagesHang_boundedMessagesAndPages() {
            StringBuilder list = new StringBuilder("<html><body><ul>");
            for (int i = 0; i < 100_000; i++) {
                list.append("<li><a href=\"/xx/m/").append(i).append("\">来信").append(i)
                        .append("</a><span>2025-01-01</span></li>");
            }
            byte[] body = list.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
            server.route("/xx/", (req, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    "<html><body><a href=\"/xx/list\">县长信箱</a></body></html>"));
            server.route("/xx/list", (req, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    body));
            // Every letter's page accepts the request and never answers.
            server.route("/xx/m/*", (req, s, out) -> Thread.sleep(60_000));
            try (MeasurementEngine big = engine(MeasureTestSupport.localSettings("maxPagesPerSite: 10\n"
                    + "maxBodyBytes: 20000000\nreadTimeoutMs: 1000\ndeadlineMs: 1500\n"))) {
                long start = System.nanoTime();
                SiteMeasurement m = big.measure(server.uri("/xx/"), SiteKind.COUNTY, NOW);
                // Not a speed bar: a hung letter page answers after 60 s, so a measurement that waited for even one
                // of them would take longer than that, however fast or loaded the machine.
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
                SiteMeasurement.Section mailbox = m.sections().get(0);
                assertThat(mailbox.family()).isEqualTo("mailbox");
                assertThat(mailbox.items()).isEqualTo(100_000);
                // The first maxMessagesPerSection rows are read; their pages, within the site's page budget, failed.
                assertThat(mailbox.messages()).hasSize(200)
                        .allSatisfy(msg -> assertThat(msg.state()).isEqualTo(MessageState.UNKNOWN));
                List<SiteMeasurement.Fetch> pages = m.fetches().stream()
                        .filter(f -> f.purpose().equals("MESSAGE")).toList();
                assertThat(pages).hasSize(8).allSatisfy(f -> assertThat(f.errorKind())
                        .isIn("READ_TIMEOUT", "DEADLINE_EXCEEDED"));
                assertThat(m.pagesFetched()).isEqualTo(10);
                assertThat(m.errors()).hasSize(8);
            }
        }
    }
}
