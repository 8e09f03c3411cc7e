package org.egovmonitor.observations;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence snapshot store on real PostgreSQL: compression, de-duplication by hash, who a snapshot belongs to. */
class EvidenceStoreTest {

    private static final Instant T0 = Instant.parse("2025-04-15T02:00:00Z");

    private Jdbi jdbi;
    private MutableClock clock;
    private EvidenceStore store;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        clock = new MutableClock(T0);
        store = new EvidenceStore(jdbi, clock);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A GBK list page of a few KB, as a county portal serves it (repetitive markup compresses well). */
    static byte[] gbkPage() {
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"gbk\"><title>通知公告</title></head><body>"
                + "<ul class=\"list\">");
        for (int i = 0; i < 60; i++) {
            b.append("<li><a href=\"/art/2025/4/").append(i).append("/art_1229_").append(i)
                    .append(".html\">关于做好2025年防汛工作的通知（第").append(i).append("号）</a><span>2025-04-")
                    .append(10 + i % 5).append("</span></li>");
        }
        return b.append("</ul></body></html>").toString().getBytes(Charset.forName("GBK"));
    }

    private int rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM evidence_snapshots").mapTo(Integer.class)
                .one());
    }

    @Test
    void keep_identicalBytesTwice_oneCompressedRow_lastSeenMovesOn_firstUrlKept() throws Exception {
        byte[] page = gbkPage();
        String sha = sha256(page);
        store.keep("http://www.dongzhi.gov.cn/tzgg/", sha, page, "text/html; charset=GBK", "GBK");
        clock.now = T0.plusSeconds(86_400);
        store.keep("http://www.dongzhi.gov.cn/tzgg/index.html", sha, page.clone(), "text/html", "GBK");

        assertThat(rows()).isEqualTo(1);
        long stored = jdbi.withHandle(h -> h.createQuery("SELECT length(body_gzip) FROM evidence_snapshots")
                .mapTo(Long.class).one());
        assertThat(stored).isLessThan(page.length / 3);
        EvidenceStore.Snapshot s = store.find(sha).orElseThrow();
        assertThat(s.body()).isEqualTo(page);
        assertThat(s.size()).isEqualTo(page.length);
        assertThat(s.firstUrl()).isEqualTo("http://www.dongzhi.gov.cn/tzgg/");
        assertThat(s.contentType()).isEqualTo("text/html; charset=GBK");
        assertThat(s.charset()).isEqualTo("GBK");
        assertThat(s.firstSeen()).isEqualTo(T0);
        assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(86_400));
    }

    @Test
    void keep_differentBytes_twoRows_unknownOrMalformedNames_notFound() throws Exception {
        byte[] a = "<html>甲</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = "<html>乙</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        store.keep("http://a.gov.cn/", sha256(a), a, "text/html", "UTF-8");
        store.keep("http://a.gov.cn/", sha256(b), b, "text/html", "UTF-8");
        assertThat(rows()).isEqualTo(2);
        assertThat(store.find("f".repeat(64))).isEmpty();
        assertThat(store.find("../../etc/passwd")).isEmpty();
        assertThat(store.find(sha256(a).toUpperCase())).isEmpty();
        // a name that is not a SHA-256 is never stored
        store.keep("http://a.gov.cn/", "not-a-hash", a, "text/html", "UTF-8");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void belongsToUnit_onlyTheUnitWhoseSiteFetchedIt() throws Exception {
        byte[] page = gbkPage();
        String sha = sha256(page);
        store.keep("http://www.dongzhi.gov.cn/", sha, page, "text/html", "GBK");
        long site = jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dz', '东至县', 'COUNTY', 'X'),"
                    + " ('qy', '青阳县', 'COUNTY', 'X')");
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                    + "('http://www.dongzhi.gov.cn/', '东至县人民政府', 'COUNTY', 'dz') RETURNING id")
                    .mapTo(Long.class).one();
        });
        SiteMeasurement m = new SiteMeasurement("http://www.dongzhi.gov.cn/", "http://www.dongzhi.gov.cn/",
                "COUNTY", true, 200, 10, "GBK", null, new Homepage(null, 0, false, List.of()), List.of(), List.of(),
                List.of(), 1, List.of(), null, java.time.LocalDate.of(2025, 4, 15),
                List.of(new Fetch("http://www.dongzhi.gov.cn/", "http://www.dongzhi.gov.cn/", "HOMEPAGE", 200, 10,
                        page.length, "GBK", null, sha)), List.of(), 0);
        new ObservationStore(jdbi).save("crawl-item:1", site, m, T0);

        assertThat(store.belongsToUnit(sha, "dz")).isTrue();
        assertThat(store.belongsToUnit(sha, "qy")).isFalse();
        assertThat(store.belongsToUnit("f".repeat(64), "dz")).isFalse();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
