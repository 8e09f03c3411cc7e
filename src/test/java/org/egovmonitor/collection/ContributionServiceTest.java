package org.egovmonitor.collection;

import com.sun.net.httpserver.HttpServer;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.demo.DemoRegistry;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A collection round against a real local portal (127.0.0.1) whose article sources are known. */
class ContributionServiceTest {

    static final LocalDate NOW = LocalDate.of(2003, 7, 15);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2003-07-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Charset GBK = Charset.forName("GBK");

    /** Article path → (date, meta html). */
    static final Map<String, String[]> ARTICLES = new LinkedHashMap<>();

    static {
        ARTICLES.put("/news/a1.html", new String[] {"2003-07-10", "<p>发布时间：2003-07-10　来源：池州市财政局</p>"});
        ARTICLES.put("/news/a2.html", new String[] {"2003-07-08", "<p>【信息来源：市计委】</p>"});
        ARTICLES.put("/news/a3.html", new String[] {"2003-07-05",
            "<table><tr><td>来源</td><td>池州市质量技术监督局</td></tr></table>"});
        ARTICLES.put("/news/a4.html", new String[] {"2003-07-01", "<p>稿件来源：池州市劳动局</p>"});
        ARTICLES.put("/news/a5.html", new String[] {"2003-06-30", "<p>来源：新华社</p>"});
        ARTICLES.put("/notice/b1.html", new String[] {"2003-06-20", "<div>来源:新华社 作者：记者</div>"});
        ARTICLES.put("/notice/b2.html", new String[] {"2003-06-18", "<p>本文无来源。</p>"});
        ARTICLES.put("/notice/b3.html", new String[] {"2003-05-01", "<p>来源：池州市财政局</p>"});
        ARTICLES.put("/notice/b4.html", new String[] {"2003-03-01", "<p>来源：池州市财政局</p>"});
    }

    static HttpServer server;
    static HttpPageFetcher fetcher;
    static URI portal;

    Jdbi jdbi;

    @BeforeAll
    static void portal() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String html = page(path);
            byte[] body = html == null ? new byte[0] : html.getBytes(GBK);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=gb2312");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        portal = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        fetcher = new HttpPageFetcher(
                CrawlSettings.parse("allowPrivateCidrs: [127.0.0.0/8]\nperHostDelayMs: 0\n").fetch());
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.stop(0);
    }

    static String page(String path) {
        if (path.equals("/")) {
            return "<html><head><title>中国池州</title></head><body><div class=nav><a href='/'>首页</a>"
                    + "<a href='/news/'>政务动态</a><a href='/notice/'>通知公告</a><a href='/about.html'>关于本站</a></div>"
                    + "<p>欢迎访问</p></body></html>";
        }
        if (path.equals("/news/") || path.equals("/notice/")) {
            StringBuilder list = new StringBuilder("<html><body><h2>列表</h2><ul>");
            ARTICLES.forEach((p, a) -> {
                if (p.startsWith(path)) {
                    list.append("<li><a href='").append(p).append("'>关于").append(p).append("的工作信息</a><span>")
                            .append(a[0]).append("</span></li>");
                }
            });
            return list.append("</ul></body></html>").toString();
        }
        String[] a = ARTICLES.get(path);
        return a == null ? null : "<html><head><title>文章</title></head><body><h1>标题</h1>" + a[1]
                + "<p>正文内容。</p></body></html>";
    }

    @BeforeEach
    void db() {
        jdbi = TestPostgres.newDatabase().jdbi();
        DemoRegistry.load(jdbi, StrictJsonModule.configure(Jackson.newObjectMapper()), CLOCK);
    }

    private ContributionService service(int maxArticles) {
        ContributionSettings settings = new ContributionSettings();
        settings.setMaxArticlesPerRound(maxArticles);
        return new ContributionService(jdbi, fetcher, settings, CLOCK);
    }

    @Test
    void collect_storesEachArticleOnceWithItsSource() {
        Contributions.RoundResult first = service(100).collectFromPortal(portal, NOW);
        assertThat(first.errors()).isEmpty();
        assertThat(first.sectionPages()).isEqualTo(2);
        assertThat(first.stored()).isEqualTo(ARTICLES.size());
        assertThat(first.withSource()).isEqualTo(ARTICLES.size() - 1);
        assertThat(first.mapped()).isEqualTo(6);

        Contributions.RoundResult again = service(100).collectFromPortal(portal, NOW);
        assertThat(again.alreadyKnown()).isEqualTo(ARTICLES.size());
        assertThat(again.fetched()).isZero();
        assertThat(again.stored()).isZero();
    }

    @Test
    void collect_boundedPerRound_thenContinuesNextRound() {
        assertThat(service(4).collectFromPortal(portal, NOW).stored()).isEqualTo(4);
        assertThat(service(4).collectFromPortal(portal, NOW).stored()).isEqualTo(4);
        assertThat(service(4).collectFromPortal(portal, NOW).stored()).isEqualTo(1);
    }

    @Test
    void collect_unreachablePortal_reportedNotThrown() {
        Contributions.RoundResult r = service(10).collectFromPortal(portal.resolve("/missing/"), NOW);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.stored()).isZero();
    }

    @Test
    void summary_countsPerUnitIn30And90Days_rankedWithinPeers() {
        service(100).collectFromPortal(portal, NOW);
        Contributions.Summary s = service(100).summary(NOW);
        assertThat(s.items90Days()).isEqualTo(8);
        assertThat(s.withoutSource90Days()).isEqualTo(1);
        assertThat(s.unmapped90Days()).isEqualTo(2);
        Contributions.UnitCount czj = count(s, "czs-czj");
        assertThat(czj.last30Days()).isEqualTo(1);
        assertThat(czj.last90Days()).isEqualTo(2);
        assertThat(czj.rank90()).isEqualTo(1);
        assertThat(count(s, "czs-jw").last30Days()).isEqualTo(1);
        assertThat(count(s, "czs-zjj").last30Days()).isEqualTo(1);
        assertThat(count(s, "czs-ldj").last30Days()).isEqualTo(1);
        assertThat(count(s, "czs-jw").rank30()).isEqualTo(1);
        assertThat(count(s, "czs-rdb").last90Days()).isZero();
        assertThat(count(s, "czs-rdb").rank90()).isEqualTo(5);
    }

    @Test
    void unmapped_listedWithCounts_assignAddsAliasAndCountsPastArticles() {
        ContributionService service = service(100);
        service.collectFromPortal(portal, NOW);
        assertThat(service.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo("新华社");
            assertThat(u.items()).isEqualTo(2);
            assertThat(u.exampleUrls()).hasSize(2).allMatch(url -> url.startsWith(portal.toString()));
        });
        assertThatThrownBy(() -> service.assign("池州日报", "czs-xcb")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.assign("新华社", "nope")).isInstanceOf(ValidationException.class);
        assertThat(service.assign("新华社", "czs-xcb").aliases()).contains("新华社");
        assertThat(service.unmapped()).isEmpty();
        assertThat(count(service.summary(NOW), "czs-xcb").last90Days()).isEqualTo(2);
    }

    private static Contributions.UnitCount count(Contributions.Summary s, String code) {
        return s.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
