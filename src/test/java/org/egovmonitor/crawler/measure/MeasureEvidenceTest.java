package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence snapshots from the engine (网页快照): every GET that received a body hands its bytes and their SHA-256 to
 * the evidence sink as it is fetched, and its fetch record names that hash. A 2003-style GBK portal served on
 * 127.0.0.1, two of whose section pages are the same bytes.
 */
class MeasureEvidenceTest {

    private static final LocalDate NOW = LocalDate.of(2024, 5, 20);
    /** Link checks are not fetches of the site's pages (no snapshot): a few keep the test quick. */
    private static final CrawlSettings SETTINGS = MeasureTestSupport.localSettings("maxLinkChecksPerSite: 5\n");
    private static HostileServer server;
    private static byte[] home;
    private static byte[] list;

    @BeforeAll
    static void start() throws IOException {
        home = fixture("portal-2003-gbk.html");
        list = fixture("township-list-2003-gb2312.html");
        server = HostileServer.start();
        server.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", home));
        // the same list page under two sections: one snapshot
        server.route("/zwdt/list.asp", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=gb2312",
                list));
        server.route("/tzgg/list.asp", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=gb2312",
                list));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MeasureEvidenceTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** What a sink was handed: hash → the bytes (checked against the hash), and every URL handed. */
    static final class Recorded implements EvidenceSink {
        final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        final List<String> urls = new CopyOnWriteArrayList<>();
        final Map<String, String> charsets = new ConcurrentHashMap<>();

        @Override
        public void keep(String url, String sha256, byte[] body, String contentType, String charset) {
            bodies.put(sha256, body.clone());
            urls.add(url);
            if (charset != null) {
                charsets.put(url, charset);
            }
        }
    }

    @Test
    void measure_everyBodyHandedToTheSinkWithItsHash_fetchRecordsNameIt() throws Exception {
        Recorded sink = new Recorded();
        CrawlSettings settings = SETTINGS;
        SiteMeasurement m;
        try (HttpPageFetcher fetcher = new HttpPageFetcher(settings.fetch());
             MeasurementEngine engine = new MeasurementEngine(fetcher, settings, CrawlerFiles.defaultCatalog(),
                     SiteChecks.NONE, sink)) {
            m = engine.measure(server.uri("/"), SiteKind.COUNTY, NOW);
        }
        assertThat(m.reachable()).isTrue();
        Fetch homepage = m.fetches().get(0);
        assertThat(homepage.sha256()).isEqualTo(sha256(home));
        assertThat(m.fetches()).filteredOn(f -> f.url().endsWith("/list.asp") && f.status() == 200)
                .extracting(Fetch::sha256).hasSize(2).containsOnly(sha256(list));
        // every fetch with a body was handed over, with bytes that hash to its name; those without a body were not
        for (Fetch f : m.fetches()) {
            if (f.sha256() != null) {
                assertThat(sink.bodies).containsKey(f.sha256());
                assertThat(sha256(sink.bodies.get(f.sha256()))).isEqualTo(f.sha256());
            }
        }
        assertThat(sink.urls).hasSize((int) m.fetches().stream().filter(f -> f.sha256() != null).count());
        assertThat(sink.bodies.get(sha256(home))).isEqualTo(home);
        assertThat(sink.charsets.get(server.uri("/").toString())).isIn("GBK", "GB18030");
    }

    @Test
    void measure_withoutASink_stillNamesTheSnapshots_andASinkThatFailsCostsOnlyTheSnapshot() throws Exception {
        CrawlSettings settings = SETTINGS;
        try (HttpPageFetcher fetcher = new HttpPageFetcher(settings.fetch());
             MeasurementEngine plain = new MeasurementEngine(fetcher, settings, CrawlerFiles.defaultCatalog());
             MeasurementEngine failing = new MeasurementEngine(fetcher, settings, CrawlerFiles.defaultCatalog(),
                     SiteChecks.NONE, (url, sha, body, type, charset) -> {
                         throw new IllegalStateException("database down");
                     })) {
            SiteMeasurement a = plain.measure(server.uri("/"), SiteKind.COUNTY, NOW);
            SiteMeasurement b = failing.measure(server.uri("/"), SiteKind.COUNTY, NOW);
            assertThat(a.fetches().get(0).sha256()).isEqualTo(sha256(home));
            assertThat(b.reachable()).isTrue();
            assertThat(b.sections()).isEqualTo(a.sections());
            assertThat(b.fetches()).extracting(Fetch::sha256).containsExactlyInAnyOrderElementsOf(
                    a.fetches().stream().map(Fetch::sha256).toList());
        }
    }
}
