package org.egovmonitor.dashboards;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * What the office tools' tests share: an app that crawls loopback sites (scheduler and two crawl workers on), unit
 * homepages on 127.0.0.1 at {@code /<unit>/} that can be held (a request waits until released, so a running
 * re-crawl can be seen and clicked again), and the data the tools show: units with sites, portal articles of a source
 * no unit matches (省农科院, 9 articles), and availability probes of one site.
 */
final class OfficeToolsFixture implements AutoCloseable {

    /** The source no unit name matches, its article count, and the unit it belongs to. */
    static final String SOURCE = "省农科院";
    static final int SOURCE_ITEMS = 9;
    /** A second unmatched source (4 articles) of {@link #OTHER_UNIT}, for a second assignment. */
    static final String SOURCE2 = "市老科协";
    static final int SOURCE2_ITEMS = 4;
    static final String NKY = "ot-nky";
    static final String NKY_NAME = "安徽省农业科学院池州分院";
    /** A unit with one monitored homepage (re-crawled by the tests) and probes: 10 in the week, 2 failed. */
    static final String SITE_UNIT = "ot-site";
    static final String SITE_UNIT_NAME = "池州市办公工具测试局";
    static final String OTHER_UNIT = "ot-other";
    static final String OTHER_UNIT_NAME = "池州市办公工具其他局";

    private final HttpServer server;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile CountDownLatch arrived = new CountDownLatch(0);

    private OfficeToolsFixture(HttpServer server) {
        this.server = server;
    }

    static OfficeToolsFixture start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OfficeToolsFixture f = new OfficeToolsFixture(server);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", ex -> {
                f.arrived.countDown();
                try {
                    f.hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String unit = ex.getRequestURI().getPath().replace("/", "");
                String page = "<html><head><meta charset=\"utf-8\"><title>" + unit + "</title></head><body><h1>"
                        + unit + " 门户</h1><ul><li><a href=\"/" + unit + "/n1.html\">关于开展安全检查工作的通知</a>"
                        + "<span>" + LocalDate.now() + "</span></li></ul></body></html>";
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String unit) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + unit + "/";
    }

    /** From now on every request waits until {@link #release()}; returns a latch that opens at the first one. */
    CountDownLatch holdRequests() {
        arrived = new CountDownLatch(1);
        hold = new CountDownLatch(1);
        return arrived;
    }

    void release() {
        hold.countDown();
    }

    /** Units, sites, the unmatched source's articles and the probes, straight into the database. */
    void seed(Jdbi jdbi, LocalDate today) {
        jdbi.useHandle(h -> {
            for (String[] u : new String[][]{{NKY, NKY_NAME}, {SITE_UNIT, SITE_UNIT_NAME},
                    {OTHER_UNIT, OTHER_UNIT_NAME}}) {
                h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES (?, ?, 'DEPARTMENT',"
                        + " 'DEPARTMENTS')", u[0], u[1]);
            }
            for (String unit : new String[]{SITE_UNIT, OTHER_UNIT}) {
                h.execute("INSERT INTO sites (url, name, kind, unit_code) VALUES (?, ?, 'DEPARTMENT', ?)", url(unit),
                        unit.equals(SITE_UNIT) ? "办公工具测试局网站" : "其他局网站", unit);
            }
            for (int i = 0; i < SOURCE_ITEMS; i++) {
                h.execute("INSERT INTO contribution_items (url, portal, title, published_on, raw_source)"
                                + " VALUES (?, 'http://www.chizhou.gov.cn/', ?, ?, ?)",
                        "http://www.chizhou.gov.cn/news/nky-" + i + ".html", "农业科技服务" + i, today.minusDays(1 + i),
                        SOURCE);
            }
            for (int i = 0; i < SOURCE2_ITEMS; i++) {
                h.execute("INSERT INTO contribution_items (url, portal, title, published_on, raw_source)"
                                + " VALUES (?, 'http://www.chizhou.gov.cn/', ?, ?, ?)",
                        "http://www.chizhou.gov.cn/news/qt-" + i + ".html", "工作动态" + i, today.minusDays(2 + i),
                        SOURCE2);
            }
            long site = h.createQuery("SELECT id FROM sites WHERE unit_code = ?").bind(0, SITE_UNIT)
                    .mapTo(Long.class).one();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                boolean up = i != 2 && i != 5;
                // newest first: i = 2 is the newest failure (refused), i = 5 an older one (HTTP 503)
                h.execute("INSERT INTO availability_probes (site_id, probed_at, up, status, response_ms, error_kind,"
                                + " url) VALUES (?, ?, ?, ?, ?, ?, ?)", site, now.minus(i * 3L, ChronoUnit.HOURS), up,
                        up ? 200 : i == 5 ? 503 : 0, up ? (i % 2 == 0 ? 100L : 200L) : null,
                        i == 2 ? "CONNECT_REFUSED" : null, url(SITE_UNIT));
            }
        });
    }

    /** When the newest failure was recorded (the third-newest probe). */
    static Instant newestFailure(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT max(probed_at) FROM availability_probes WHERE NOT up")
                .mapTo(Instant.class).one());
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
